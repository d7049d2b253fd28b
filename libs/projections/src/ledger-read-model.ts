import { AccessProjection } from './access.projection';
import { CommitmentsProjection } from './commitments.projection';
import { PlansProjection } from './plans.projection';
import type { AsOf } from './as-of';
import { InMemoryEventContent, type EventContentSource } from './content/event-content';
import type { ProjectedEvent } from './projected-event';
import { commitmentAsOf, planAsOf } from './time-travel/as-of-views';
import { TimeTravelIndex } from './time-travel/time-travel-index';
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

export interface LedgerReadModelOptions {
  /** Where texts the read models do not hold are read back (default: kept in memory as they pass). */
  content?: EventContentSource;
}

/** All read models of the ledger and the log position they reflect. */
export class LedgerReadModel {
  readonly content: EventContentSource;
  readonly plans = new PlansProjection();
  readonly commitments: CommitmentsProjection;
  readonly access = new AccessProjection();
  /** What time travel reads: the facts of each attribute by effective date (ADR 0007). */
  readonly history = new TimeTravelIndex();
  position = 0n;

  constructor(options: LedgerReadModelOptions = {}) {
    this.content = options.content ?? new InMemoryEventContent();
    this.commitments = new CommitmentsProjection(this.content);
  }

  /** Applies one event to every read model (used where no EventBus is involved: CLI, benchmarks). */
  apply(event: ProjectedEvent): void {
    this.plans.apply(event);
    this.commitments.apply(event);
    this.access.apply(event);
    this.history.apply(event);
    this.position = event.position;
  }

  /** The plan as it was at a point on both time axes, from the index (no fold of its history). */
  planAsOf(id: string, asOf: AsOf): PlanView | undefined {
    return planAsOf(this, id, asOf);
  }

  commitmentAsOf(id: string, asOf: AsOf): CommitmentView | undefined {
    return commitmentAsOf(this, id, asOf);
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
    this.history.clear();
    if (this.content instanceof InMemoryEventContent) this.content.clear();
    this.position = 0n;
  }
}
