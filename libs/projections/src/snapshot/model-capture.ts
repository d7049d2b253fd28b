import { parseStreamName } from '@ledger/domain';
import { InMemoryEventContent } from '../content/event-content';
import type { LedgerReadModel } from '../ledger-read-model';
import type { CommitmentRow } from '../commitments/commitment-rows';
import type { PlanRecord } from '../plans.projection';
import type { ProjectedEvent } from '../projected-event';
import { encodeChunk, type ModelChunk } from './model-chunks';

/** What the caller adds to a snapshot: scalars, and maps that only ever grow (captured by their size now). */
export interface CaptureExtras {
  meta?: Record<string, unknown>;
  maps?: Record<string, ReadonlyMap<unknown, unknown>>;
}

const LOG_ROWS_PER_CHUNK = 32_768;
const ENTRIES_PER_CHUNK = 8_192;

interface Sequence {
  name: string;
  entries: Iterator<[unknown, unknown]>;
  left: number;
}

/**
 * A snapshot of the read models at the position they reflect now, serialised a few pieces at a
 * time while they keep applying events: copy on write. `beforeApply` must see every batch before
 * the read models apply it; it serialises first, as they still are, the plans and commitments the
 * batch touches. What only grows (the index's log rows, the content, the caller's maps) is
 * captured by its length. Each piece is encoded at once, so none holds a reference to live state.
 */
export class ModelCapture {
  readonly position: bigint;
  private readonly ready: Buffer[] = [];
  private readonly plans: Map<string, PlanRecord | undefined>;
  private readonly commitments = new Map<string, string>();
  private readonly log: { count: number; effective: Float64Array; recorded: Float64Array; position: BigUint64Array; next: number };
  private readonly sequences: Sequence[] = [];

  constructor(
    private readonly model: LedgerReadModel,
    extras: CaptureExtras = {},
  ) {
    this.position = model.position;
    const data = model.history.data;
    this.plans = new Map(model.plans.records().map((r) => [r.state.id, r]));
    for (const id of data.plans.keys()) if (!this.plans.has(id)) this.plans.set(id, undefined);
    for (const node of data.commitments.values()) this.commitments.set(node.id, node.planId);
    for (const planId of this.plans.keys())
      for (const row of model.commitments.rowsOfPlan(planId)) if (!this.commitments.has(row.id)) this.commitments.set(row.id, planId);
    const { count, effective, recorded, position, recordedMonotone, maxLead } = data.log;
    this.log = { count, effective, recorded, position, next: 0 };
    this.emit({ kind: 'log-meta', count, recordedMonotone, maxLead });
    this.emit({ kind: 'access', access: model.access.toSnapshot() });
    this.emit({ kind: 'meta', values: extras.meta ?? {} });
    if (model.content instanceof InMemoryEventContent) this.follow('content', model.content.entries);
    for (const [name, map] of Object.entries(extras.maps ?? {})) this.follow(name, map);
  }

  /** Before the read models apply `events`: what they touch, serialised as it is now. */
  beforeApply(events: readonly ProjectedEvent[]): void {
    for (const event of events) {
      const { category, id } = parseStreamName(event.stream);
      if (category === 'plan') this.takePlan(id);
      else if (category === 'commitment') {
        this.takeCommitment(id);
        // Its events also move its plan's node (dates, the list of commitments).
        this.takePlan(this.planOf(id, event));
      }
    }
  }

  /** Serialised pieces, produced until `deadline` (performance.now()); an empty list once all are out. */
  next(deadline: number): Buffer[] {
    const out = this.ready.splice(0);
    while (performance.now() < deadline) {
      const plan = this.plans.keys().next();
      if (!plan.done) {
        this.takePlan(plan.value);
        out.push(...this.ready.splice(0));
        continue;
      }
      const commitment = this.commitments.keys().next();
      if (!commitment.done) {
        this.takeCommitment(commitment.value);
        out.push(...this.ready.splice(0));
        continue;
      }
      if (this.log.next < this.log.count) {
        out.push(this.logChunk());
        continue;
      }
      const sequence = this.sequences.find((s) => s.left > 0);
      if (!sequence) break;
      out.push(this.entriesChunk(sequence));
    }
    return out;
  }

  get done(): boolean {
    return (
      this.ready.length === 0 &&
      this.plans.size === 0 &&
      this.commitments.size === 0 &&
      this.log.next >= this.log.count &&
      this.sequences.every((s) => s.left === 0)
    );
  }

  private emit(chunk: ModelChunk): void {
    this.ready.push(encodeChunk(chunk));
  }

  private follow(name: string, map: ReadonlyMap<unknown, unknown>): void {
    this.sequences.push({ name, entries: map.entries(), left: map.size });
  }

  private planOf(commitmentId: string, event: ProjectedEvent): string {
    return (
      this.commitments.get(commitmentId) ??
      this.model.commitments.row(commitmentId)?.planId ??
      this.model.history.data.commitments.get(commitmentId)?.planId ??
      String((event.data as { planId?: unknown }).planId)
    );
  }

  private takePlan(id: string): void {
    if (!this.plans.has(id)) return;
    const record = this.plans.get(id);
    this.plans.delete(id);
    this.emit({ kind: 'plan', id, record, node: this.model.history.data.plans.get(id) });
  }

  private takeCommitment(id: string): void {
    if (!this.commitments.delete(id)) return;
    const row = this.model.commitments.row(id) as CommitmentRow | undefined;
    this.emit({ kind: 'commitment', id, row, node: this.model.history.data.commitments.get(id) });
  }

  private logChunk(): Buffer {
    const from = this.log.next;
    const to = Math.min(this.log.count, from + LOG_ROWS_PER_CHUNK);
    this.log.next = to;
    // Rows below the captured count never change (the columns only grow, into new arrays when full).
    const { effective, recorded, position } = this.log;
    return encodeChunk({
      kind: 'log',
      from,
      effective: effective.slice(from, to),
      recorded: recorded.slice(from, to),
      position: position.slice(from, to),
    });
  }

  private entriesChunk(sequence: Sequence): Buffer {
    const entries: Array<[unknown, unknown]> = [];
    while (sequence.left > 0 && entries.length < ENTRIES_PER_CHUNK) {
      const next = sequence.entries.next();
      if (next.done) throw new Error(`snapshot: the map "${sequence.name}" shrank while it was being written`);
      entries.push(next.value);
      sequence.left--;
    }
    return encodeChunk({ kind: 'entries', name: sequence.name, entries });
  }
}
