import { LedgerError } from '@ledger/domain';
import { checkedInstant, seriesPoints, type HistoryInterval } from './rate-window';
import { sweepRates, type SeriesTarget } from './rate-sweep';
import { resolvePoint } from './time-point';
import type { TimeTravelSources } from './as-of-views';

export interface RatePoint {
  at: string;
  implementationRate: number;
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
 * Unknown plan, axis or commitment: NOT_FOUND; bad dates or too many points: VALIDATION_FAILED.
 */
export function rateHistory(sources: TimeTravelSources, q: RateHistoryQuery): RatePoint[] {
  const data = sources.history.data;
  const plan = data.plans.get(q.planId);
  if (!plan || plan.seq < 0) throw LedgerError.notFound('plan', q.planId, 'planId');
  const knownAt = checkedInstant('knownAt', q.knownAt);
  const points = seriesPoints(plan, q.interval ?? 'month', q.from, q.to);
  const target = targetOf(sources, q);
  const known = resolvePoint(data.log, knownAt === undefined ? {} : { knownAt: new Date(knownAt).toISOString() });
  const rates = sweepRates(data, plan, target, points, known);
  return points.map((at, i) => ({ at: new Date(at).toISOString(), implementationRate: rates[i] }));
}

function targetOf(sources: TimeTravelSources, q: RateHistoryQuery): SeriesTarget {
  const plan = sources.history.data.plans.get(q.planId)!;
  if (q.commitmentId !== undefined) {
    if (!plan.commitmentIds.includes(q.commitmentId)) {
      throw LedgerError.notFound('commitment', q.commitmentId, 'commitmentId', `in plan "${q.planId}"`);
    }
    return { kind: 'commitment', id: q.commitmentId };
  }
  if (q.axisId !== undefined) {
    const axisIndex = sources.plans.get(q.planId)?.state.axes.findIndex((a) => a.id === q.axisId) ?? -1;
    if (axisIndex < 0) throw LedgerError.notFound('axis', q.axisId, 'axisId', `in plan "${q.planId}"`);
    return { kind: 'axis', axisId: q.axisId, axisIndex };
  }
  return { kind: 'plan' };
}
