import type { LogColumns } from './log-columns';
import { insertAt } from './sorted-facts';
import { isKnown, type TimePoint } from './time-point';

/**
 * The rows of one stream: seqs by revision, and the revisions sorted by (effectiveAt, revision)
 * with the greatest revision up to each place, so "how many events of this stream does a view
 * at this point reflect" is one binary search on the effective date.
 */
export interface StreamRows {
  seqs: number[];
  byEffective: number[];
  maxRevision: number[];
}

export const createStreamRows = (): StreamRows => ({ seqs: [], byEffective: [], maxRevision: [] });

export function appendStreamRow(stream: StreamRows, log: LogColumns, seq: number): void {
  const revision = stream.seqs.length;
  stream.seqs.push(seq);
  const effective = log.effective[seq];
  let i = stream.byEffective.length;
  while (i > 0 && log.effective[stream.seqs[stream.byEffective[i - 1]]] > effective) i--;
  insertAt(stream.byEffective, i, revision);
  insertAt(stream.maxRevision, i, revision);
  // The new revision is the greatest of the stream: every place from i on now reaches it.
  for (let j = i + 1; j < stream.maxRevision.length; j++) stream.maxRevision[j] = revision;
}

/** 1 + the greatest revision visible at `point` (0 when none is): the version a view reflects. */
export function versionAt(stream: StreamRows, log: LogColumns, point: TimePoint): number {
  if (point.effectiveOnly) {
    const n = countEffectiveBy(stream, log, point.effective);
    return n === 0 ? 0 : stream.maxRevision[n - 1] + 1;
  }
  let r = knownRevisions(stream, point) - 1;
  while (r >= 0 && (log.effective[stream.seqs[r]] > point.effective || !isKnown(log, stream.seqs[r], point))) r--;
  return r + 1;
}

/** Revisions effective in (since, until] and known at `point`, in log order. */
export function revisionsBetween(stream: StreamRows, log: LogColumns, since: number, until: number, point: TimePoint): number[] {
  const from = countEffectiveBy(stream, log, since);
  const to = countEffectiveBy(stream, log, until);
  const out: number[] = [];
  for (let i = from; i < to; i++) {
    const revision = stream.byEffective[i];
    if (isKnown(log, stream.seqs[revision], point)) out.push(revision);
  }
  return out.sort((a, b) => a - b);
}

function countEffectiveBy(stream: StreamRows, log: LogColumns, instant: number): number {
  let lo = 0;
  let hi = stream.byEffective.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (log.effective[stream.seqs[stream.byEffective[mid]]] <= instant) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many of the stream's revisions lie before the point's row bound. */
function knownRevisions(stream: StreamRows, point: TimePoint): number {
  let lo = 0;
  let hi = stream.seqs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (stream.seqs[mid] < point.rows) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
