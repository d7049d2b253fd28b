import type { AccessSnapshot } from '../access.projection';
import type { CommitmentRow } from '../commitments/commitment-rows';
import { InMemoryEventContent } from '../content/event-content';
import type { LedgerReadModel } from '../ledger-read-model';
import type { PlanRecord } from '../plans.projection';
import type { CommitmentNode, PlanNode } from '../time-travel/index-nodes';
import { capacityFor, createLogColumns, type LogColumns } from '../time-travel/log-columns';
import { decodeChunk, logRangeBytes, logRangeViews, type LogRange, type LogRangeBytes, type ModelChunk } from './model-chunks';

/** What a snapshot carried besides the read models: the caller's scalars and maps. */
export interface RestoredExtras {
  meta: Record<string, unknown>;
  maps: Map<string, Array<[unknown, unknown]>>;
}

/**
 * Gathers a snapshot's pieces (any order) as they are read, then fills empty read models with them.
 * The index's log rows go straight into columns sized for the whole log (plus room for the tail)
 * as soon as its size is known — the log-meta piece comes first — so a million rows are copied
 * once, from the bytes read, not through copies of each range. Nothing touches the read models
 * before `finish`, which the caller reaches only once the whole file checked out.
 */
export class ModelRestorer {
  private readonly records: PlanRecord[] = [];
  private readonly planNodes: PlanNode[] = [];
  private readonly rows: CommitmentRow[] = [];
  private readonly commitmentNodes: CommitmentNode[] = [];
  /** Ranges met before the log-meta piece (only pieces in an unusual order). */
  private readonly early: LogRange[] = [];
  private log: LogColumns | undefined;
  private logMeta: (ModelChunk & { kind: 'log-meta' }) | undefined;
  private rowsCovered = 0;
  private access: AccessSnapshot | undefined;
  private readonly extras: RestoredExtras = { meta: {}, maps: new Map() };

  /** One piece's bytes, read before they change (a streaming reader reuses them). */
  addBytes(bytes: Uint8Array): void {
    const range = this.log && logRangeBytes(bytes);
    if (range) this.fill(this.log!, range);
    else this.add(decodeChunk(bytes));
  }

  /** One decoded piece. */
  add(chunk: ModelChunk): void {
    switch (chunk.kind) {
      case 'plan':
        if (chunk.record) this.records.push(chunk.record);
        if (chunk.node) this.planNodes.push(chunk.node);
        break;
      case 'commitment':
        if (chunk.row) this.rows.push(chunk.row);
        if (chunk.node) this.commitmentNodes.push(chunk.node);
        break;
      case 'log':
        if (this.log) this.fill(this.log, logRangeViews(chunk));
        else this.early.push(chunk);
        break;
      case 'log-meta':
        this.logMeta = chunk;
        // Room for the tail replayed next, so it does not copy the columns at once.
        this.log = createLogColumns(capacityFor(chunk.count));
        for (const range of this.early.splice(0)) this.fill(this.log, logRangeViews(range));
        break;
      case 'access':
        this.access = chunk.access;
        break;
      case 'meta':
        Object.assign(this.extras.meta, chunk.values);
        break;
      case 'entries': {
        const list = this.extras.maps.get(chunk.name) ?? [];
        for (const entry of chunk.entries) list.push(entry);
        this.extras.maps.set(chunk.name, list);
        break;
      }
    }
  }

  /**
   * Fills empty read models and sets the position they reflect. Throws when the pieces do not make
   * a whole (a missing log range, no access or log-meta piece): the caller then discards the snapshot and replays.
   */
  finish(model: LedgerReadModel, position: bigint): RestoredExtras {
    const { log, logMeta, access, rows, extras } = this;
    if (!log || !logMeta || !access) throw new Error('snapshot incomplete: no log-meta or access piece');
    if (this.rowsCovered !== logMeta.count) throw new Error(`snapshot incomplete: ${this.rowsCovered} of ${logMeta.count} index rows`);
    Object.assign(log, { count: logMeta.count, recordedMonotone: logMeta.recordedMonotone, maxLead: logMeta.maxLead });

    model.clear();
    model.plans.restore(this.records);
    model.commitments.restore({ rows });
    model.access.restore(access);
    model.history.restore(log, this.planNodes, this.commitmentNodes);
    const content = extras.maps.get('content');
    extras.maps.delete('content');
    if (content && model.content instanceof InMemoryEventContent) for (const [p, c] of content) model.content.remember(p as number, c);
    else if (content) throw new Error('snapshot carries texts, but these read models read them from the log');
    else if (
      model.content instanceof InMemoryEventContent &&
      rows.some((r) => r.communication.positions.length > 0 || r.activities.some((a) => a.actions.positions.length > 0))
    )
      throw new Error('snapshot carries no texts, and these read models cannot read them from the log');
    model.position = position;
    return extras;
  }

  /** Copies a log range's bytes straight into the columns (any alignment). */
  private fill(log: LogColumns, range: LogRangeBytes): void {
    if (range.from + range.rows > log.effective.length) throw new Error('snapshot incomplete: index rows beyond its log-meta count');
    const bytesOf = (column: Float64Array | BigUint64Array) => new Uint8Array(column.buffer, range.from * 8, range.rows * 8);
    bytesOf(log.effective).set(range.effective);
    bytesOf(log.recorded).set(range.recorded);
    bytesOf(log.position).set(range.position);
    this.rowsCovered += range.rows;
  }
}

/** Fills empty read models from a snapshot's decoded pieces (any order) and sets the position they reflect. */
export function restoreModel(model: LedgerReadModel, position: bigint, chunks: Iterable<ModelChunk>): RestoredExtras {
  const restorer = new ModelRestorer();
  for (const chunk of chunks) restorer.add(chunk);
  return restorer.finish(model, position);
}
