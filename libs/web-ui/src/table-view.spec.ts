import type { PlanData } from './queries';
import { bandCounts, tableRows } from './table-view';

const row = (number: number, rate: number | null, axis: string, statuses: Array<'COMPLETE' | 'LIMITED'>, title = `C${number}`) => ({
  id: `p.${number}`,
  number,
  title,
  leadOrganisation: 'Org',
  implementationRate: rate,
  lastPosition: null,
  axis: { id: axis },
  activities: statuses.map((status) => ({ status, lifecycle: 'ACTIVE' as const })),
});
const plan: PlanData = {
  id: 'p',
  title: 'P',
  country: 'X',
  period: '2021',
  implementationRate: 50,
  lastUpdatedAt: null,
  lastPosition: null,
  axes: [
    { id: 'b', title: 'B', order: 2, implementationRate: 10 },
    { id: 'a', title: 'A', order: 1, implementationRate: 90 },
  ],
  commitments: [row(1, 90, 'a', ['COMPLETE']), row(2, null, 'b', []), row(3, 10, 'b', ['LIMITED', 'LIMITED'], 'Éducation')],
};

describe('the commitments table', () => {
  it('sorts by rate, a missing rate below 0 %, and back', () => {
    expect(tableRows(plan, { lang: 'fr', sort: 'rate' }).map((c) => c.number)).toEqual([2, 3, 1]);
    expect(tableRows(plan, { lang: 'fr', sort: 'rate', dir: 'desc' }).map((c) => c.number)).toEqual([1, 3, 2]);
  });
  it('sorts titles with the language collation (É with E) and axes by their order', () => {
    expect(tableRows(plan, { lang: 'fr', sort: 'title' }).map((c) => c.title)).toEqual(['C1', 'C2', 'Éducation']);
    expect(tableRows(plan, { lang: 'fr', sort: 'axis', dir: 'desc' }).map((c) => c.number)).toEqual([2, 3, 1]);
  });
  it('sorts by the number of activities in a band', () => {
    expect(tableRows(plan, { lang: 'fr', sort: 'LIMITED', dir: 'desc' }).map((c) => c.number)).toEqual([3, 1, 2]);
  });
  it('filters with the API rule (axis, band, words)', () => {
    expect(tableRows(plan, { lang: 'fr', axis: 'b', band: 'LIMITED', q: 'education' }).map((c) => c.number)).toEqual([3]);
  });
  it('counts activities per band, cancelled ones apart', () => {
    expect(
      bandCounts([
        {
          activities: [
            { status: 'LIMITED', lifecycle: 'CANCELLED' },
            { status: 'COMPLETE', lifecycle: 'SUSPENDED' },
          ],
        },
      ]),
    ).toEqual({
      bands: { NOT_STARTED: 0, LIMITED: 0, SUBSTANTIAL: 0, COMPLETE: 1 },
      cancelled: 1,
    });
  });
});
