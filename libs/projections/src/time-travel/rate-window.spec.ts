import type { PlanNode } from './index-nodes';
import { createPlanNode } from './index-nodes';
import { checkedInstant, defaultWindow, periodYears, sampleInstants, seriesPoints } from './rate-window';

const t = (iso: string) => Date.parse(iso);
const isos = (points: number[] | undefined) => points?.map((p) => new Date(p).toISOString().slice(0, 10));

describe('sample instants', () => {
  it('stays on month ends from a month end: 01-31 → 02-29 → 03-31 → 04-30 (never drifting to 03-02)', () => {
    expect(isos(sampleInstants(t('2020-01-31'), t('2020-04-30'), 'month'))).toEqual([
      '2020-01-31',
      '2020-02-29',
      '2020-03-31',
      '2020-04-30',
    ]);
  });
  it('stays on month ends from a 30th that ends its month: 04-30 → 05-31 → 06-30', () => {
    expect(isos(sampleInstants(t('2021-04-30'), t('2021-06-30'), 'month'))).toEqual(['2021-04-30', '2021-05-31', '2021-06-30']);
  });
  it('keeps the day of the month otherwise, clamped to short months: 01-30 → 02-28 → 03-30', () => {
    expect(isos(sampleInstants(t('2021-01-30'), t('2021-03-30'), 'month'))).toEqual(['2021-01-30', '2021-02-28', '2021-03-30']);
  });
  it('steps quarters on month ends and keeps the time of day', () => {
    const points = sampleInstants(t('2018-03-31T23:59:59.999Z'), t('2018-12-31T23:59:59.999Z'), 'quarter')!;
    expect(points.map((p) => new Date(p).toISOString())).toEqual([
      '2018-03-31T23:59:59.999Z',
      '2018-06-30T23:59:59.999Z',
      '2018-09-30T23:59:59.999Z',
      '2018-12-31T23:59:59.999Z',
    ]);
  });
  it('ends on `to` even when the steps miss it', () => {
    expect(isos(sampleInstants(t('2020-01-01'), t('2020-01-20'), 'week'))).toEqual([
      '2020-01-01',
      '2020-01-08',
      '2020-01-15',
      '2020-01-20',
    ]);
  });
  it('gives exactly 1,000 daily points and refuses the 1,001st', () => {
    expect(sampleInstants(t('2018-01-01'), t('2018-01-01') + 999 * 86_400_000, 'day')).toHaveLength(1000);
    expect(sampleInstants(t('2018-01-01'), t('2018-01-01') + 1000 * 86_400_000, 'day')).toBeUndefined();
  });
});

describe('the default window of a series: the plan’s own period', () => {
  const plan = (period: string, first = '2019-05-01', last = '2019-09-30'): PlanNode => ({
    ...createPlanNode('p'),
    period,
    firstEffective: t(first),
    lastEffective: t(last),
  });
  it('runs from the end of the first month to the end of the period for "2018-2020" by month', () => {
    const { from, to } = defaultWindow(plan('2018-2020'), 'month');
    expect([new Date(from).toISOString(), new Date(to).toISOString()]).toEqual(['2018-01-31T23:59:59.999Z', '2020-12-31T23:59:59.999Z']);
    expect(seriesPoints(plan('2018-2020'), 'month', undefined, undefined)).toHaveLength(36);
  });
  it('extends to the last effective date when facts were recorded after the period', () => {
    expect(new Date(defaultWindow(plan('2018-2020', '2018-01-01', '2021-03-31'), 'month').to).toISOString()).toBe(
      '2021-03-31T00:00:00.000Z',
    );
  });
  it('falls back to the span of the effective dates when the period is not a year range', () => {
    expect(defaultWindow(plan('deux ans'), 'month')).toEqual({ from: t('2019-05-01'), to: t('2019-09-30') });
  });
  it.each([
    ['2018-2020', [2018, 2020]],
    ['2018–2020', [2018, 2020]],
    ['2021', [2021, 2021]],
    ['2020-2018', undefined],
    ['1800-1802', undefined],
  ])('reads the period %p as %p', (period, years) => {
    expect(periodYears(period)).toEqual(years);
  });
  it('completes a lone `to` before the period with a `from` equal to it (one point), not an inverted range', () => {
    expect(seriesPoints(plan('2018-2020'), 'month', undefined, '2017-06-30T00:00:00Z')).toEqual([t('2017-06-30T00:00:00Z')]);
  });
});

describe('date arguments', () => {
  it.each([['1899-12-31T23:59:59Z'], ['+010000-01-01T00:00:00Z']])(
    'refuses %s with VALIDATION_FAILED yearRange naming the field',
    (value) => {
      expect(() => checkedInstant('from', value)).toThrow(
        expect.objectContaining({
          code: 'VALIDATION_FAILED',
          details: { problems: [expect.objectContaining({ field: 'from', rule: 'yearRange' })] },
        }),
      );
    },
  );
  it('refuses an invalid Date (as GraphQL parses garbage) with rule isoDate', () => {
    expect(() => checkedInstant('knownAt', new Date('garbage'))).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        details: { problems: [expect.objectContaining({ field: 'knownAt', rule: 'isoDate' })] },
      }),
    );
  });
  it('accepts the bounds of the range', () => {
    expect(checkedInstant('to', '1900-01-01T00:00:00Z')).toBe(t('1900-01-01T00:00:00Z'));
    expect(checkedInstant('to', '9999-12-31T23:59:59.999Z')).toBe(t('9999-12-31T23:59:59.999Z'));
  });
});
