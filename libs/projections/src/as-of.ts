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

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** `value` (an event's date) is after `bound` (a canonical ISO instant)? */
function after(value: unknown, bound: string): boolean {
  const text = String(value);
  // The ledger writes dates as toISOString(): those compare as strings, without parsing.
  return CANONICAL.test(text) ? text > bound : Date.parse(text) > Date.parse(bound);
}

const canonical = (date: string | undefined): string | undefined => (date === undefined ? undefined : new Date(date).toISOString());

export function isVisibleAsOf(event: ProjectedEvent, asOf: AsOf): boolean {
  const knownAt = canonical(asOf.knownAt);
  const effectiveAt = canonical(asOf.effectiveAt);
  return isVisible(event, asOf.position, knownAt, effectiveAt);
}

function isVisible(
  event: ProjectedEvent,
  position: bigint | undefined,
  knownAt: string | undefined,
  effectiveAt: string | undefined,
): boolean {
  if (position !== undefined && event.position > position) return false;
  if (knownAt !== undefined && after(event.metadata.recordedAt, knownAt)) return false;
  if (effectiveAt !== undefined && after(event.metadata.effectiveAt, effectiveAt)) return false;
  return true;
}

/**
 * Folds the events of one plan's streams (plan stream + its commitment streams) visible at `asOf`
 * into a fresh read model, in log order. Events of a commitment not yet registered at that point
 * (effective before their commitment was) are left out rather than failing.
 */
export function readModelAsOf(events: readonly ProjectedEvent[], asOf: AsOf): LedgerReadModel {
  const model = new LedgerReadModel();
  const knownAt = canonical(asOf.knownAt);
  const effectiveAt = canonical(asOf.effectiveAt);
  const sorted = events.every((e, i) => i === 0 || events[i - 1].position < e.position);
  const ordered = sorted ? events : [...events].sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  for (const event of ordered) {
    if (!isVisible(event, asOf.position, knownAt, effectiveAt)) continue;
    if (parseStreamName(event.stream).category === 'commitment' && event.type !== 'CommitmentRegistered') {
      const id = (event.data as { commitmentId?: string }).commitmentId;
      if (!id || !model.commitments.get(id)) continue;
    }
    model.apply(event);
  }
  return model;
}
