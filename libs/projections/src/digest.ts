import { createHash } from 'node:crypto';
import { canonicalJson } from '@ledger/canonical-json';
import type { LedgerReadModel } from './ledger-read-model';
import type { TimeTravelData } from './time-travel/index-nodes';

export interface ReadModelDigest {
  name: string;
  digest: string;
  entries: number;
}

const sha = (value: unknown): string => createHash('sha256').update(canonicalJson(value)).digest('hex');

/** Maps as sorted entries, so canonical JSON sees what they hold. */
const plain = (_key: string, value: unknown): unknown =>
  value instanceof Map ? [...value].sort(([a], [b]) => String(a).localeCompare(String(b))) : value;

/** The index: its log columns' bytes, then its nodes by id (what time travel answers from). */
function timeTravelDigest(data: TimeTravelData): string {
  const { log } = data;
  const hash = createHash('sha256');
  for (const column of [log.effective, log.recorded, log.position]) hash.update(new Uint8Array(column.buffer, 0, log.count * 8));
  const byId = <T extends { id: string }>(nodes: Iterable<T>) => [...nodes].sort((a, b) => a.id.localeCompare(b.id));
  const nodes = JSON.parse(JSON.stringify({ plans: byId(data.plans.values()), commitments: byId(data.commitments.values()) }, plain));
  hash.update(canonicalJson({ count: log.count, recordedMonotone: log.recordedMonotone, maxLead: log.maxLead, nodes }));
  return hash.digest('hex');
}

/**
 * A digest of each read model's full content (sorted, canonical), so two processes can prove they
 * hold the same figures at the same log position — including one restored from a snapshot.
 */
export function readModelDigests(model: LedgerReadModel): ReadModelDigest[] {
  const plans = model.plans.all().map((p) => p);
  const commitments = plans.flatMap((p) => model.commitments.ofPlan(p.state.id));
  const access = model.access.all();
  return [
    { name: model.plans.name, digest: sha(plans), entries: plans.length },
    { name: model.commitments.name, digest: sha(commitments), entries: commitments.length },
    { name: model.access.name, digest: sha(access), entries: access.length },
    { name: model.history.name, digest: timeTravelDigest(model.history.data), entries: model.history.data.log.count },
  ];
}
