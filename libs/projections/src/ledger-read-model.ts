import { AccessProjection } from './access.projection';
import { CommitmentsProjection } from './commitments.projection';
import { PlansProjection } from './plans.projection';
import type { ProjectedEvent } from './projected-event';
import { commitmentView, planView, type CommitmentView, type PlanView } from './views';

/** Failure of a projection: it stops at this event and says so; it never skips. */
export interface ProjectionFailure {
  projection: string;
  position: string;
  stream: string;
  revision: string;
  eventType: string;
  error: string;
}

/** All read models of the ledger and the log position they reflect. */
export class LedgerReadModel {
  readonly plans = new PlansProjection();
  readonly commitments = new CommitmentsProjection();
  readonly access = new AccessProjection();
  position = 0n;

  /** Applies one event to every read model (used where no EventBus is involved: CLI, benchmarks). */
  apply(event: ProjectedEvent): void {
    this.plans.apply(event);
    this.commitments.apply(event);
    this.access.apply(event);
    this.position = event.position;
  }

  plan(id: string): PlanView | undefined {
    const record = this.plans.get(id);
    return record && planView(record, this.commitments.ofPlan(id));
  }

  allPlans(): PlanView[] {
    return this.plans.all().map((p) => planView(p, this.commitments.ofPlan(p.state.id)));
  }

  commitment(id: string): CommitmentView | undefined {
    const record = this.commitments.get(id);
    return record && commitmentView(record);
  }

  clear(): void {
    this.plans.clear();
    this.commitments.clear();
    this.access.clear();
    this.position = 0n;
  }
}
