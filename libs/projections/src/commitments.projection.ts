import { evolveCommitment, initialCommitmentState, isCommitmentEvent, parseStreamName, type CommitmentState } from '@ledger/domain';
import { lastUpdateOf, type LastUpdate } from './last-update';
import { effectiveAtOf, toLedgerEvent, type ProjectedEvent } from './projected-event';

/** What the read side keeps about an activity beyond the domain state (its note is in the state). */
export interface ActivityExtras {
  /** The last event about this activity. */
  lastUpdate: LastUpdate;
}

export interface CommitmentRecord {
  state: CommitmentState;
  /** Number of events in the commitment's stream. */
  version: number;
  /** The last event of the commitment's stream. */
  lastUpdate?: LastUpdate;
  /** Per activity id. */
  activities?: Record<string, ActivityExtras>;
}

/**
 * Read model of commitments with their activities, actions, communication actions and outcome,
 * folded with the domain's own `evolveCommitment` (so read and write sides share one rule set).
 */
export class CommitmentsProjection {
  readonly name = 'commitments';
  private readonly commitments = new Map<string, CommitmentRecord>();
  private readonly byPlan = new Map<string, string[]>();

  apply(event: ProjectedEvent): void {
    if (parseStreamName(event.stream).category !== 'commitment') return;
    const domainEvent = toLedgerEvent(event);
    if (!isCommitmentEvent(domainEvent)) throw new Error(`${event.type} does not belong in commitment stream ${event.stream}`);
    const id = domainEvent.data.commitmentId;
    const current = this.commitments.get(id);
    if (!current && domainEvent.type !== 'CommitmentRegistered') throw new Error(`${event.type} for unregistered commitment ${id}`);
    const previous = current?.state ?? initialCommitmentState;
    const state = evolveCommitment(previous, domainEvent, { effectiveAt: effectiveAtOf(event) });
    const lastUpdate = lastUpdateOf(event);
    const activities = { ...current?.activities };
    const activityId = (domainEvent.data as { activityId?: string }).activityId;
    if (activityId !== undefined) activities[activityId] = { lastUpdate };
    this.commitments.set(id, { state, version: Number(event.revision) + 1, lastUpdate, activities });
    if (!current) {
      const list = this.byPlan.get(state.planId) ?? [];
      list.push(id);
      list.sort((a, b) => this.commitments.get(a)!.state.number - this.commitments.get(b)!.state.number);
      this.byPlan.set(state.planId, list);
    }
  }

  get(id: string): CommitmentRecord | undefined {
    return this.commitments.get(id);
  }

  ofPlan(planId: string): CommitmentRecord[] {
    return (this.byPlan.get(planId) ?? []).map((id) => this.commitments.get(id)!);
  }

  clear(): void {
    this.commitments.clear();
    this.byPlan.clear();
  }
}
