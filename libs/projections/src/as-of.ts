import { parseStreamName } from '@ledger/domain';
import { LedgerReadModel } from './ledger-read-model';
import type { ProjectedEvent } from './projected-event';

/**
 * A point on both time axes: what the ledger knew at `knownAt` (recordedAt) or at log `position`,
 * about facts effective by `effectiveAt`. Absent bounds are "now" / "everything".
 */
export interface AsOf {
  knownAt?: string;
  position?: bigint;
  effectiveAt?: string;
}

export function isVisibleAsOf(event: ProjectedEvent, asOf: AsOf): boolean {
  if (asOf.position !== undefined && event.position > asOf.position) return false;
  if (asOf.knownAt !== undefined && Date.parse(String(event.metadata.recordedAt)) > Date.parse(asOf.knownAt)) return false;
  if (asOf.effectiveAt !== undefined && Date.parse(String(event.metadata.effectiveAt)) > Date.parse(asOf.effectiveAt)) return false;
  return true;
}

/**
 * Folds the events of one plan's streams (plan stream + its commitment streams) visible at `asOf`
 * into a fresh read model, in log order. Events of a commitment not yet registered at that point
 * (effective before their commitment was) are left out rather than failing.
 */
export function readModelAsOf(events: readonly ProjectedEvent[], asOf: AsOf): LedgerReadModel {
  const model = new LedgerReadModel();
  const ordered = [...events].sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  for (const event of ordered) {
    if (!isVisibleAsOf(event, asOf)) continue;
    if (parseStreamName(event.stream).category === 'commitment' && event.type !== 'CommitmentRegistered') {
      const id = (event.data as { commitmentId?: string }).commitmentId;
      if (!id || !model.commitments.get(id)) continue;
    }
    model.apply(event);
  }
  return model;
}
