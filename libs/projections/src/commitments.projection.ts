import { isCommitmentEvent, parseStreamName } from '@ledger/domain';
import { InMemoryEventContent, type EventContentSource } from './content/event-content';
import { applyCommitmentEvent, newCommitmentRow } from './commitments/apply-commitment-event';
import { commitmentRecord, type CommitmentRecord } from './commitments/commitment-record';
import { positionNumber, type CommitmentRow } from './commitments/commitment-rows';
import { effectiveAtOf, recordedAtOf, toLedgerEvent, type ProjectedEvent } from './projected-event';

export type { ActivityExtras, CommitmentRecord } from './commitments/commitment-record';

/** What a snapshot of this read model holds (plain data). */
export interface CommitmentsSnapshot {
  rows: CommitmentRow[];
}

/**
 * Read model of commitments with their activities, actions, communication actions and outcome:
 * the domain's `evolveCommitment` rules applied in place to compact rows (commitments/), texts
 * read back through `content` when a view asks. `get` and `ofPlan` give the domain's state.
 */
export class CommitmentsProjection {
  readonly name = 'commitments';
  private readonly rows = new Map<string, CommitmentRow>();
  private readonly byPlan = new Map<string, string[]>();

  constructor(readonly content: EventContentSource = new InMemoryEventContent()) {}

  apply(event: ProjectedEvent): void {
    if (parseStreamName(event.stream).category !== 'commitment') return;
    const domainEvent = toLedgerEvent(event);
    if (!isCommitmentEvent(domainEvent)) throw new Error(`${event.type} does not belong in commitment stream ${event.stream}`);
    const id = domainEvent.data.commitmentId;
    let row = this.rows.get(id);
    if (!row) {
      if (domainEvent.type !== 'CommitmentRegistered') throw new Error(`${event.type} for unregistered commitment ${id}`);
      row = newCommitmentRow(domainEvent);
      this.rows.set(id, row);
      this.listInPlan(row);
    }
    const recordedAt = recordedAtOf(event);
    const at = {
      position: positionNumber(event.position),
      recordedAt: typeof recordedAt === 'string' ? recordedAt : '',
      effectiveAt: effectiveAtOf(event),
    };
    applyCommitmentEvent(row, domainEvent, at, this.content);
    row.version = Number(event.revision) + 1;
    row.lastPosition = at.position;
    row.lastAt = at.recordedAt;
  }

  get(id: string): CommitmentRecord | undefined {
    const row = this.rows.get(id);
    return row && commitmentRecord(row, this.content);
  }

  ofPlan(planId: string): CommitmentRecord[] {
    return (this.byPlan.get(planId) ?? []).map((id) => commitmentRecord(this.rows.get(id)!, this.content));
  }

  /** The compact row (time travel builds its views from it without resolving texts). */
  row(id: string): Readonly<CommitmentRow> | undefined {
    return this.rows.get(id);
  }

  /** Rows of a plan's commitments by number (counts for the cost model, no text read). */
  rowsOfPlan(planId: string): ReadonlyArray<Readonly<CommitmentRow>> {
    return (this.byPlan.get(planId) ?? []).map((id) => this.rows.get(id)!);
  }

  toSnapshot(): CommitmentsSnapshot {
    return { rows: [...this.rows.values()] };
  }

  restore(snapshot: CommitmentsSnapshot): void {
    this.clear();
    for (const row of snapshot.rows) {
      this.rows.set(row.id, row);
      this.listInPlan(row);
    }
  }

  clear(): void {
    this.rows.clear();
    this.byPlan.clear();
  }

  private listInPlan(row: CommitmentRow): void {
    const list = this.byPlan.get(row.planId) ?? [];
    list.push(row.id);
    list.sort((a, b) => this.rows.get(a)!.number - this.rows.get(b)!.number);
    this.byPlan.set(row.planId, list);
  }
}
