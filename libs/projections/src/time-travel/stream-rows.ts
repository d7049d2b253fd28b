import { SeqList } from '../number-lists';
import type { LogColumns } from './log-columns';
import { insertAt } from './sorted-facts';
import { isKnown, type TimePoint } from './time-point';

/**
 * The rows of one stream: seqs by revision. While the stream's effective dates never decrease
 * (the usual case) that is all: "how many events of this stream does a view at date t reflect" is
 * a binary search on it. The first event dated before an earlier one adds the revisions sorted by
 * (effectiveAt, revision) with the greatest revision up to each place.
 */
export interface StreamRows {
  seqs: SeqList;
  byEffective?: number[];
  maxRevision?: number[];
}

export const createStreamRows = (): StreamRows => ({ seqs: new SeqList() });

export function appendStreamRow(stream: StreamRows, log: LogColumns, seq: number): void {
  const revision = stream.seqs.length;
  const effective = log.effective[seq];
  const inOrder = revision === 0 || log.effective[stream.seqs.items[revision - 1]] <= effective;
  stream.seqs.push(seq);
  if (!stream.byEffective) {
    if (inOrder) return;
    stream.byEffective = Array.from({ length: revision }, (_, r) => r);
    stream.maxRevision = stream.byEffective.slice();
  }
  const byEffective = stream.byEffective;
  const maxRevision = stream.maxRevision!;
  let i = byEffective.length;
  const seqs = stream.seqs.items;
  while (i > 0 && log.effective[seqs[byEffective[i - 1]]] > effective) i--;
  insertAt(byEffective, i, revision);
  insertAt(maxRevision, i, revision);
  // The new revision is the greatest of the stream: every place from i on now reaches it.
  for (let j = i + 1; j < maxRevision.length; j++) maxRevision[j] = revision;
}

/** 1 + the greatest revision visible at `point` (0 when none is): the version a view reflects. */
export function versionAt(stream: StreamRows, log: LogColumns, point: TimePoint): number {
  if (point.effectiveOnly) {
    const n = countEffectiveBy(stream, log, point.effective);
    if (!stream.maxRevision) return n;
    return n === 0 ? 0 : stream.maxRevision[n - 1] + 1;
  }
  let r = knownRevisions(stream, point) - 1;
  const seqs = stream.seqs.items;
  while (r >= 0 && (log.effective[seqs[r]] > point.effective || !isKnown(log, seqs[r], point))) r--;
  return r + 1;
}

/** Revisions effective in (since, until] and known at `point`, in log order. */
export function revisionsBetween(stream: StreamRows, log: LogColumns, since: number, until: number, point: TimePoint): number[] {
  const from = countEffectiveBy(stream, log, since);
  const to = countEffectiveBy(stream, log, until);
  const out: number[] = [];
  for (let i = from; i < to; i++) {
    const revision = stream.byEffective ? stream.byEffective[i] : i;
    if (isKnown(log, stream.seqs.items[revision], point)) out.push(revision);
  }
  return out.sort((a, b) => a - b);
}

/** How many of the stream's events are effective at or before `instant`. */
function countEffectiveBy(stream: StreamRows, log: LogColumns, instant: number): number {
  const order = stream.byEffective;
  const seqs = stream.seqs.items;
  let lo = 0;
  let hi = stream.seqs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (log.effective[seqs[order ? order[mid] : mid]] <= instant) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many of the stream's revisions lie before the point's row bound. */
function knownRevisions(stream: StreamRows, point: TimePoint): number {
  const seqs = stream.seqs.items;
  let lo = 0;
  let hi = stream.seqs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (seqs[mid] < point.rows) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
