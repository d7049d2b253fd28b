import { evolvePlan, initialPlanState, isPlanEvent, parseStreamName, type PlanState } from '@ledger/domain';
import { lastUpdateOf, type LastUpdate } from './last-update';
import { toLedgerEvent, type ProjectedEvent } from './projected-event';

export interface PlanRecord {
  state: PlanState;
  /** Number of events in the plan's stream. */
  version: number;
  /** The last event of the plan's own stream (its commitments have theirs). */
  lastUpdate?: LastUpdate;
}

/** Read model of plans and their axes, folded with the domain's own `evolvePlan`. */
export class PlansProjection {
  readonly name = 'plans';
  private readonly plans = new Map<string, PlanRecord>();

  apply(event: ProjectedEvent): void {
    if (parseStreamName(event.stream).category !== 'plan') return;
    const domainEvent = toLedgerEvent(event);
    if (!isPlanEvent(domainEvent)) throw new Error(`${event.type} does not belong in plan stream ${event.stream}`);
    const id = domainEvent.data.planId;
    const current = this.plans.get(id) ?? { state: initialPlanState, version: 0 };
    this.plans.set(id, {
      state: evolvePlan(current.state, domainEvent),
      version: Number(event.revision) + 1,
      lastUpdate: lastUpdateOf(event),
    });
  }

  get(id: string): PlanRecord | undefined {
    return this.plans.get(id);
  }

  all(): PlanRecord[] {
    return [...this.plans.values()].sort((a, b) => a.state.id.localeCompare(b.state.id));
  }

  /** The records (immutable: each event replaces its plan's), for a snapshot. */
  records(): PlanRecord[] {
    return [...this.plans.values()];
  }

  restore(records: readonly PlanRecord[]): void {
    this.plans.clear();
    for (const record of records) this.plans.set(record.state.id, record);
  }

  clear(): void {
    this.plans.clear();
  }
}
