import { ACTIVITY_STATUSES, matchesCommitmentFilter, type ActivityStatus } from '@ledger/domain';
import type { CommitmentSortKey } from '@ledger/i18n';
import type { CommitmentRow, PlanData } from './queries';
import type { PageParams } from './route';

export type BandCounts = Record<ActivityStatus, number>;

/** Activities per band, cancelled ones apart (they do not count in the rate). */
export function bandCounts(rows: ReadonlyArray<{ activities: CommitmentRow['activities'] }>): { bands: BandCounts; cancelled: number } {
  const bands = Object.fromEntries(ACTIVITY_STATUSES.map((s) => [s, 0])) as BandCounts;
  let cancelled = 0;
  for (const row of rows)
    for (const a of row.activities) {
      if (a.lifecycle === 'CANCELLED') cancelled++;
      else bands[a.status]++;
    }
  return { bands, cancelled };
}

const collator = (lang: string) => new Intl.Collator(lang, { sensitivity: 'base', numeric: true });

/** The rows of the commitments table: filtered (the API's own filter rule) and sorted as asked. */
export function tableRows(plan: PlanData, params: PageParams): CommitmentRow[] {
  const filter = { axisId: params.axis, band: params.band, search: params.q };
  const rows = plan.commitments.filter((c) => matchesCommitmentFilter(c, filter));
  const sort: CommitmentSortKey = params.sort ?? 'number';
  const axisOrder = new Map(plan.axes.map((a) => [a.id, a.order]));
  const compare = collator(params.lang);
  const key = (c: CommitmentRow): number | string => {
    switch (sort) {
      case 'number':
        return c.number;
      case 'title':
        return c.title;
      case 'axis':
        return axisOrder.get(c.axis.id) ?? 0;
      case 'lead':
        return c.leadOrganisation;
      case 'rate':
        return c.implementationRate ?? -1; // no rate yet sorts below 0 %
      default:
        return bandCounts([c]).bands[sort];
    }
  };
  const sign = params.dir === 'desc' ? -1 : 1;
  return [...rows].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const order = typeof ka === 'number' && typeof kb === 'number' ? ka - kb : compare.compare(String(ka), String(kb));
    return order !== 0 ? sign * order : a.number - b.number; // ties: by number, always ascending
  });
}
