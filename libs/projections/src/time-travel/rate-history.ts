import { checkedInstant, seriesPoints, type HistoryInterval } from './rate-window';
import { sweepRates, type SeriesTarget } from './rate-sweep';
import { resolvePoint } from './time-point';
import type { TimeTravelSources } from './as-of-views';

export interface RatePoint {
  at: string;
  /** Null while nothing counts yet at that instant (as the view's rate). */
  implementationRate: number | null;
}

export interface RateHistoryQuery {
  planId: string;
  commitmentId?: string;
  axisId?: string;
  /** Default: the plan's own period (see `defaultWindow`). */
  from?: Date | string;
  to?: Date | string;
  /** Default: month. */
  interval?: HistoryInterval;
  /** As known at (default: now). */
  knownAt?: Date | string;
}

/**
 * The implementation rate of a plan, an axis or a commitment by effective date: at each instant,
 * what `planAsOf({effectiveAt: instant, knownAt})` gives — computed in one sweep (rate-sweep.ts).
 * Bad dates or too many points: VALIDATION_FAILED. An unknown plan, or an axis or commitment the
 * plan does not have: an empty series (as `plan(id)` answers null), allocating nothing.
 */
export function rateHistory(sources: TimeTravelSources, q: RateHistoryQuery): RatePoint[] {
  const data = sources.history.data;
  const knownAt = checkedInstant('knownAt', q.knownAt);
  checkedInstant('from', q.from);
  checkedInstant('to', q.to);
  const plan = data.plans.get(q.planId);
  if (!plan || plan.seq < 0) return [];
  const target = targetOf(sources, q);
  if (!target) return [];
  const points = seriesPoints(plan, q.interval ?? 'month', q.from, q.to);
  const known = resolvePoint(data.log, knownAt === undefined ? {} : { knownAt: new Date(knownAt).toISOString() });
  const rates = sweepRates(data, plan, target, points, known);
  return points.map((at, i) => ({ at: new Date(at).toISOString(), implementationRate: rates[i] }));
}

/** What the series follows, or undefined when the plan has no such commitment or axis. */
function targetOf(sources: TimeTravelSources, q: RateHistoryQuery): SeriesTarget | undefined {
  const plan = sources.history.data.plans.get(q.planId)!;
  if (q.commitmentId !== undefined) {
    return plan.commitmentIds.includes(q.commitmentId) ? { kind: 'commitment', id: q.commitmentId } : undefined;
  }
  if (q.axisId !== undefined) {
    const axisIndex = sources.plans.get(q.planId)?.state.axes.findIndex((a) => a.id === q.axisId) ?? -1;
    return axisIndex < 0 ? undefined : { kind: 'axis', axisId: q.axisId, axisIndex };
  }
  return { kind: 'plan' };
}
