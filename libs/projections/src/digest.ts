import { createHash } from 'node:crypto';
import { canonicalJson } from '@ledger/canonical-json';
import type { LedgerReadModel } from './ledger-read-model';

export interface ReadModelDigest {
  name: string;
  digest: string;
  entries: number;
}

const sha = (value: unknown): string => createHash('sha256').update(canonicalJson(value)).digest('hex');

/**
 * A digest of each read model's full content (sorted, canonical), so two processes can prove they
 * hold the same figures at the same log position.
 */
export function readModelDigests(model: LedgerReadModel): ReadModelDigest[] {
  const plans = model.plans.all().map((p) => p);
  const commitments = plans.flatMap((p) => model.commitments.ofPlan(p.state.id));
  const access = model.access.all();
  return [
    { name: model.plans.name, digest: sha(plans), entries: plans.length },
    { name: model.commitments.name, digest: sha(commitments), entries: commitments.length },
    { name: model.access.name, digest: sha(access), entries: access.length },
  ];
}
