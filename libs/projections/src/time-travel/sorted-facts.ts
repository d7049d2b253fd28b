import type { SeqList } from '../number-lists';
import type { LogColumns } from './log-columns';
import { isKnown, type TimePoint } from './time-point';

/**
 * The facts of one attribute, as the seqs of their rows sorted by (effectiveAt, seq); callers
 * keep the facts' values in arrays parallel to it. The value in force at a point is the visible
 * fact with the greatest (effectiveAt, seq): the same for any order in which the facts arrived.
 */
export type SortedSeqs = SeqList;

const before = (log: LogColumns, a: number, b: number): boolean =>
  log.effective[a] < log.effective[b] || (log.effective[a] === log.effective[b] && a < b);

/** Where `seq` goes (at the end unless it is effective before facts already there). */
export function placeOf(seqs: SortedSeqs, log: LogColumns, seq: number): number {
  const items = seqs.items;
  let i = seqs.length;
  if (i === 0 || before(log, items[i - 1], seq)) return i;
  let lo = 0;
  while (lo < i) {
    const mid = (lo + i) >>> 1;
    if (before(log, items[mid], seq)) lo = mid + 1;
    else i = mid;
  }
  return lo;
}

/** Inserts `value` at `index` (a push in the usual, in-order case). */
export function insertAt<T>(values: T[], index: number, value: T): void {
  if (index === values.length) values.push(value);
  else values.splice(index, 0, value);
}

/** How many facts are effective at or before `instant`. */
export function effectiveCount(seqs: SortedSeqs, log: LogColumns, instant: number): number {
  const items = seqs.items;
  let lo = 0;
  let hi = seqs.length;
  if (hi === 0 || log.effective[items[hi - 1]] <= instant) return hi;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (log.effective[items[mid]] <= instant) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Index of the fact in force at `point`, or -1: a binary search on the effective date, then,
 * when the point restricts what is known, a walk back past facts not known yet (late facts).
 */
export function inForce(seqs: SortedSeqs, log: LogColumns, point: TimePoint): number {
  let i = effectiveCount(seqs, log, point.effective) - 1;
  if (point.effectiveOnly) return i;
  while (i >= 0 && !isKnown(log, seqs.items[i], point)) i--;
  return i;
}
