import { readModelAsOf, type AsOf } from './as-of';
import type { ProjectedEvent } from './projected-event';

export type HistoryInterval = 'day' | 'week' | 'month' | 'quarter';

export interface RatePoint {
  at: string;
  /** Null while nothing counts yet at that instant. */
  implementationRate: number | null;
}

export interface RateHistoryQuery {
  planId: string;
  commitmentId?: string;
  axisId?: string;
  from: string;
  to: string;
  interval: HistoryInterval;
  /** As known at (default: now). */
  knownAt?: string;
}

/** Sample instants from `from` to `to` inclusive, at the end of each interval (UTC). */
export function sampleInstants(from: string, to: string, interval: HistoryInterval, max = 1000): string[] {
  const end = Date.parse(to);
  const out: string[] = [];
  let t = new Date(Date.parse(from));
  while (t.getTime() <= end && out.length < max) {
    out.push(t.toISOString());
    const next = new Date(t);
    if (interval === 'day') next.setUTCDate(next.getUTCDate() + 1);
    else if (interval === 'week') next.setUTCDate(next.getUTCDate() + 7);
    else next.setUTCMonth(next.getUTCMonth() + (interval === 'month' ? 1 : 3));
    t = next;
  }
  if (out.length > 0 && out[out.length - 1] !== new Date(end).toISOString() && out.length < max) out.push(new Date(end).toISOString());
  return out;
}

/**
 * The implementation rate of a plan, an axis or a commitment by effective date: at each instant,
 * the figures effective by then, as known at `knownAt`. `events` are the plan's streams.
 */
export function rateHistory(events: readonly ProjectedEvent[], q: RateHistoryQuery): RatePoint[] {
  return sampleInstants(q.from, q.to, q.interval).map((at) => {
    const asOf: AsOf = { effectiveAt: at, knownAt: q.knownAt };
    const model = readModelAsOf(events, asOf);
    const plan = model.plan(q.planId);
    let rate: number | null;
    if (q.commitmentId) rate = model.commitment(q.commitmentId)?.implementationRate ?? null;
    else if (q.axisId) rate = plan?.axes.find((a) => a.id === q.axisId)?.implementationRate ?? null;
    else rate = plan?.implementationRate ?? null;
    return { at, implementationRate: rate };
  });
}
