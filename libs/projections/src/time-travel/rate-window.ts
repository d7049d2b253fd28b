import { LedgerError } from '@ledger/domain';
import type { PlanNode } from './index-nodes';

export type HistoryInterval = 'day' | 'week' | 'month' | 'quarter';
/** A series never has more points than this (a request that would is refused, not cut). */
export const MAX_POINTS = 1000;

const DAY = 86_400_000;
const MIN_YEAR = 1900;
const MAX_YEAR = 9999;

/**
 * An instant given as an argument (`from`, `to`, `knownAt`, `since`…), as epoch ms: refused with
 * VALIDATION_FAILED naming the field when it is not a date or lies outside years 1900–9999.
 */
export function checkedInstant(field: string, value: Date | string | undefined | null): number | undefined {
  if (value === undefined || value === null) return undefined;
  const t = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(t)) {
    throw LedgerError.validation([
      { field, rule: 'isoDate', message: `${field} must be an ISO 8601 date-time, got ${JSON.stringify(value)}` },
    ]);
  }
  const year = new Date(t).getUTCFullYear();
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw LedgerError.validation([
      { field, rule: 'yearRange', message: `${field} must lie in the years ${MIN_YEAR}–${MAX_YEAR}, got ${new Date(t).toISOString()}` },
    ]);
  }
  return t;
}

/** `from` ≤ `to`, or VALIDATION_FAILED naming `fromField`. */
export function checkOrder(fromField: string, from: number, toField: string, to: number): void {
  if (from > to) {
    throw LedgerError.validation([
      {
        field: fromField,
        rule: `before${toField[0].toUpperCase()}${toField.slice(1)}`,
        message: `${fromField} must not be after ${toField} (${new Date(from).toISOString()} > ${new Date(to).toISOString()})`,
      },
    ]);
  }
}

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

/**
 * Sample instants from `from` to `to` (both included, `to` added when the steps miss it).
 * Month and quarter steps keep the day of `from` (clamped to short months) and stay on month
 * ends when `from` is one: 01-31 → 02-28/29 → 03-31 → … (never drifting to 03-02).
 * Returns undefined when there would be more than `max` points.
 */
export function sampleInstants(from: number, to: number, interval: HistoryInterval, max = MAX_POINTS): number[] | undefined {
  const out: number[] = [];
  const start = new Date(from);
  const [y, m, d] = [start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()];
  const timeOfDay = from - Date.UTC(y, m, d);
  const monthEnd = d === daysIn(y, m);
  const months = interval === 'month' ? 1 : 3;
  for (let i = 0; ; i++) {
    let t: number;
    if (interval === 'day' || interval === 'week') t = from + i * (interval === 'day' ? DAY : 7 * DAY);
    else {
      const total = m + i * months;
      const [year, month] = [y + Math.floor(total / 12), total % 12];
      t = Date.UTC(year, month, monthEnd ? daysIn(year, month) : Math.min(d, daysIn(year, month))) + timeOfDay;
    }
    if (t > to) break;
    if (out.length === max) return undefined;
    out.push(t);
  }
  if (out[out.length - 1] !== to) {
    if (out.length === max) return undefined;
    out.push(to);
  }
  return out;
}

/** A plan period such as "2018-2020" (or "2018–2020", "2021") as its first and last year. */
export function periodYears(period: string): [number, number] | undefined {
  const match = /^\s*(\d{4})(?:\s*[-–—/]\s*(\d{4}))?\s*$/.exec(period);
  if (!match) return undefined;
  const first = Number(match[1]);
  const last = Number(match[2] ?? match[1]);
  return first >= MIN_YEAR && last <= MAX_YEAR && first <= last ? [first, last] : undefined;
}

/**
 * A series' window when the caller gives none: the plan's own period, from the end of its first
 * interval (so monthly points fall on month ends) to the end of its last day — or to its last
 * effective date when facts were recorded for later; else the span of the plan's effective dates.
 */
export function defaultWindow(plan: PlanNode, interval: HistoryInterval): { from: number; to: number } {
  const years = periodYears(plan.period);
  if (!years) return { from: plan.firstEffective, to: plan.lastEffective };
  const start = Date.UTC(years[0], 0, 1);
  const firstEnd = {
    day: start + DAY,
    week: start + 7 * DAY,
    month: Date.UTC(years[0], 1, 1),
    quarter: Date.UTC(years[0], 3, 1),
  }[interval];
  return { from: firstEnd - 1, to: Math.max(Date.UTC(years[1] + 1, 0, 1) - 1, plan.lastEffective) };
}

/** The points of a series: the window asked for, completed from the plan's, checked. */
export function seriesPoints(
  plan: PlanNode,
  interval: HistoryInterval,
  fromArg: Date | string | undefined | null,
  toArg: Date | string | undefined | null,
): number[] {
  const givenFrom = checkedInstant('from', fromArg);
  const givenTo = checkedInstant('to', toArg);
  const window = defaultWindow(plan, interval);
  const to = givenTo ?? Math.max(window.to, givenFrom ?? window.to);
  const from = givenFrom ?? Math.min(window.from, to);
  checkOrder('from', from, 'to', to);
  const points = sampleInstants(from, to, interval);
  if (!points) {
    throw LedgerError.validation([
      {
        field: 'interval',
        rule: 'maxPoints',
        message: `at most ${MAX_POINTS} points: widen the interval or shorten the range (${new Date(from).toISOString()} – ${new Date(to).toISOString()} by ${interval})`,
      },
    ]);
  }
  return points;
}
