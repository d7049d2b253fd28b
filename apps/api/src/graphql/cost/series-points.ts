/**
 * How many points a series (rateHistory and the like) will compute, read from its arguments alone
 * (never from the series code): from/to/interval, the resolver's cap of 1,000 points, and a
 * generous default window when `from` is not given.
 */
export const SERIES = {
  maxPoints: 1000,
  /** Without `from`: assume five years (any OGP plan period), whatever the resolver's default is. */
  defaultSpanDays: 5 * 365.25,
  stepDays: { day: 1, week: 7, month: 30.44, quarter: 91.31 } as Record<string, number>,
} as const;

const DAY = 86_400_000;

const timeOf = (value: unknown): number | undefined =>
  value instanceof Date && !Number.isNaN(value.getTime()) ? value.getTime() : undefined;

/** `now` may be a clock: it is then read only when `to` is not given (estimates that read it are not cached). */
export function seriesPoints(args: Record<string, unknown>, now: Date | (() => Date)): number {
  const step = SERIES.stepDays[String(args.interval ?? 'month')] ?? 1;
  const to = timeOf(args.to) ?? (typeof now === 'function' ? now() : now).getTime();
  const from = timeOf(args.from) ?? to - SERIES.defaultSpanDays * DAY;
  const points = Math.floor(Math.max(0, to - from) / DAY / step) + 2; // both ends
  return Math.min(SERIES.maxPoints, points);
}
