import type { AccessSnapshot } from '../access.projection';
import { internedKind } from '../commitments/apply-commitment-event';
import type { CommitmentRow } from '../commitments/commitment-rows';
import { InMemoryEventContent } from '../content/event-content';
import type { LedgerReadModel } from '../ledger-read-model';
import type { PlanRecord } from '../plans.projection';
import type { CommitmentNode, PlanNode } from '../time-travel/index-nodes';
import { capacityFor, createLogColumns } from '../time-travel/log-columns';
import type { ModelChunk } from './model-chunks';

/** What a snapshot carried besides the read models: the caller's scalars and maps. */
export interface RestoredExtras {
  meta: Record<string, unknown>;
  maps: Map<string, Array<[unknown, unknown]>>;
}

/**
 * Fills empty read models from a snapshot's pieces (any order) and sets the position they reflect.
 * Throws when the pieces do not make a whole (a missing log range, no access or log-meta piece):
 * the caller then discards the snapshot and replays.
 */
export function restoreModel(model: LedgerReadModel, position: bigint, chunks: Iterable<ModelChunk>): RestoredExtras {
  const records: PlanRecord[] = [];
  const planNodes: PlanNode[] = [];
  const rows: CommitmentRow[] = [];
  const commitmentNodes: CommitmentNode[] = [];
  const ranges: Array<ModelChunk & { kind: 'log' }> = [];
  let logMeta: (ModelChunk & { kind: 'log-meta' }) | undefined;
  let access: AccessSnapshot | undefined;
  const extras: RestoredExtras = { meta: {}, maps: new Map() };
  for (const chunk of chunks) {
    switch (chunk.kind) {
      case 'plan':
        if (chunk.record) records.push(chunk.record);
        if (chunk.node) planNodes.push(chunk.node);
        break;
      case 'commitment':
        if (chunk.row) rows.push(chunk.row);
        if (chunk.node) commitmentNodes.push(chunk.node);
        break;
      case 'log':
        ranges.push(chunk);
        break;
      case 'log-meta':
        logMeta = chunk;
        break;
      case 'access':
        access = chunk.access;
        break;
      case 'meta':
        Object.assign(extras.meta, chunk.values);
        break;
      case 'entries': {
        const list = extras.maps.get(chunk.name) ?? [];
        for (const entry of chunk.entries) list.push(entry);
        extras.maps.set(chunk.name, list);
        break;
      }
    }
  }
  if (!logMeta || !access) throw new Error('snapshot incomplete: no log-meta or access piece');
  // Room for the tail replayed next, so it does not copy the columns at once.
  const log = createLogColumns(capacityFor(logMeta.count));
  let rowsCovered = 0;
  for (const range of ranges) {
    log.effective.set(range.effective, range.from);
    log.recorded.set(range.recorded, range.from);
    log.position.set(range.position, range.from);
    rowsCovered += range.effective.length;
  }
  if (rowsCovered !== logMeta.count) throw new Error(`snapshot incomplete: ${rowsCovered} of ${logMeta.count} index rows`);
  Object.assign(log, { count: logMeta.count, recordedMonotone: logMeta.recordedMonotone, maxLead: logMeta.maxLead });

  model.clear();
  model.plans.restore(records);
  for (const row of rows) for (const activity of row.activities) activity.actions.kinds = activity.actions.kinds.map(internedKind);
  model.commitments.restore({ rows });
  model.access.restore(access);
  model.history.restore(log, planNodes, commitmentNodes);
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
