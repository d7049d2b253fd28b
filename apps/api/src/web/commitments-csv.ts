import { ACTIVITY_STATUSES, roundHalfUp } from '@ledger/domain';
import { WEB_LABELS } from '@ledger/i18n';
import { bandCounts, tableRows, toCsv, type PageParams, type PlanData } from '@ledger/web-ui';

/** The commitments table as shown (same filter and sort), as CSV with the page's column names. */
export function commitmentsCsv(plan: PlanData, params: PageParams): string {
  const labels = WEB_LABELS[params.lang];
  const axes = new Map(plan.axes.map((a) => [a.id, a]));
  const header = [
    labels.columns.number,
    labels.columns.title,
    labels.columns.axis,
    labels.columns.lead,
    `${labels.columns.rate} (%)`,
    ...ACTIVITY_STATUSES.map((s) => labels.columns[s]),
  ];
  const rows = tableRows(plan, params).map((c) => {
    const { bands } = bandCounts([c]);
    const axis = axes.get(c.axis.id);
    return [
      c.number,
      c.title,
      axis ? `${axis.order}. ${axis.title}` : c.axis.id,
      c.leadOrganisation,
      c.implementationRate === null ? '' : roundHalfUp(c.implementationRate),
      ...ACTIVITY_STATUSES.map((s) => bands[s]),
    ];
  });
  return toCsv([header, ...rows]);
}
