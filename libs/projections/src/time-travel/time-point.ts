import type { AsOf } from '../as-of';
import { instantOf, rowsRecordedBy, rowsUpToPosition, type LogColumns } from './log-columns';

/**
 * A point on both time axes, resolved against the index's rows: a row is visible when it is
 * known (seq < `rows` and recorded ≤ `recorded`) and effective (effectiveAt ≤ `effective`).
 */
export interface TimePoint {
  effective: number;
  rows: number;
  /** Only finite when recordedAt is not monotone along the log (else folded into `rows`). */
  recorded: number;
  /** Nothing but the effective date restricts: one binary search answers. */
  effectiveOnly: boolean;
}

/**
 * Turns `asOf` into bounds. "Known at" is a prefix of the log when recordedAt never decreased
 * (the usual case), else a filter. The effective bound is then tightened to what can be visible:
 * no fact is effective later than `maxLead` after it was recorded, so facts beyond are skipped by
 * the binary search instead of one by one (exact, since they are not visible anyway).
 */
export function resolvePoint(log: LogColumns, asOf: AsOf = {}): TimePoint {
  let effective = instantOf(asOf.effectiveAt) ?? Number.POSITIVE_INFINITY;
  let rows = asOf.position === undefined ? log.count : rowsUpToPosition(log, asOf.position);
  let recorded = Number.POSITIVE_INFINITY;
  const knownAt = instantOf(asOf.knownAt);
  if (knownAt !== undefined) {
    if (log.recordedMonotone) rows = Math.min(rows, rowsRecordedBy(log, knownAt));
    else recorded = knownAt;
  }
  const knownUntil = Math.min(recorded, rows < log.count && log.recordedMonotone && rows > 0 ? log.recorded[rows - 1] : Infinity);
  if (rows === 0) effective = Number.NEGATIVE_INFINITY;
  else if (Number.isFinite(knownUntil) && Number.isFinite(log.maxLead)) effective = Math.min(effective, knownUntil + log.maxLead);
  return { effective, rows, recorded, effectiveOnly: rows === log.count && recorded === Number.POSITIVE_INFINITY };
}

export function isKnown(log: LogColumns, seq: number, point: TimePoint): boolean {
  return seq < point.rows && log.recorded[seq] <= point.recorded;
}

export function isVisible(log: LogColumns, seq: number, point: TimePoint): boolean {
  return seq >= 0 && log.effective[seq] <= point.effective && isKnown(log, seq, point);
}

export const NOW: AsOf = {};
