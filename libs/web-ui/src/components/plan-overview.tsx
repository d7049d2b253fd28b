import { ACTIVITY_STATUSES } from '@ledger/domain';
import { barChart } from '@ledger/charts';
import { COMMON_LABELS, WEB_LABELS } from '@ledger/i18n';
import { formatterFor } from '../format';
import type { PlanData } from '../queries';
import { hrefOf, queryOf, type PageParams, type Route } from '../route';
import { bandCounts } from '../table-view';
import { BandBadge } from './band-badge';
import { ChartFigure } from './chart-figure';
import { CommitmentFilters, CommitmentsTable } from './commitments-table';
import { EmbedSnippet } from './embed-snippet';
import { RateBar } from './rate-bar';
import { TimeTravel } from './time-travel';

export interface PlanOverviewProps {
  plan: PlanData;
  route: Route;
  params: PageParams;
  changed: ReadonlySet<string>;
  origin: string;
  enhanced: boolean;
  onParams?: (p: PageParams) => void;
}

/** The plan overview: overall rate, bands, rate per axis (chart + table), the commitments table, export, embed. */
export function PlanOverview({ plan, route, params, changed, origin, enhanced, onParams }: PlanOverviewProps) {
  const labels = WEB_LABELS[params.lang];
  const common = COMMON_LABELS[params.lang];
  const fmt = formatterFor(params.lang);
  const { bands, cancelled } = bandCounts(plan.commitments);
  const axesSvg = barChart(
    plan.axes.map((a) => ({ label: fmt.number(a.order), value: a.implementationRate ?? 0 })),
    {
      title: labels.axesChartTitle,
      desc: labels.axesChartDesc(fmt.number(plan.axes.length)),
      id: 'chart-axes',
      hideTitle: true,
      format: (v) => fmt.percent(v),
    },
  );
  const reportQuery = queryOf({ lang: params.lang, asOf: params.asOf });
  return (
    <>
      <h1 dir="auto">{plan.title}</h1>
      <p class="subtitle">
        {plan.country} · {plan.period}
      </p>
      <section class="summary" aria-labelledby="overall-h">
        <div class="overall">
          <h2 id="overall-h">{labels.overall}</h2>
          <p class="big-rate">
            <RateBar rate={plan.implementationRate} fmt={fmt} noRate={labels.noRate} />
          </p>
        </div>
        <div class="bands">
          <h2>{labels.bandsHeading}</h2>
          <ul class="band-list">
            {ACTIVITY_STATUSES.map((b) => (
              <li key={b}>
                <BandBadge band={b} label={common.bands[b]} /> <span class="count">{labels.bandCount(bands[b], fmt.number(bands[b]))}</span>
              </li>
            ))}
            {cancelled > 0 && <li class="cancelled">{labels.cancelledCount(cancelled, fmt.number(cancelled))}</li>}
          </ul>
        </div>
      </section>
      <section aria-labelledby="axes-h">
        <h2 id="axes-h">{labels.byAxis}</h2>
        <ChartFigure svg={axesSvg} caption={labels.axesChartDesc(fmt.number(plan.axes.length))} tableLabel={labels.chartData}>
          <table class="axes">
            <thead>
              <tr>
                <th scope="col">{labels.axisColumn}</th>
                <th scope="col">{labels.rateColumn}</th>
              </tr>
            </thead>
            <tbody>
              {plan.axes.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    <span class="axis-num">{fmt.number(a.order)}</span> <span dir="auto">{a.title}</span>
                  </th>
                  <td class="num">
                    <RateBar rate={a.implementationRate} fmt={fmt} noRate={labels.noRate} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ChartFigure>
      </section>
      <TimeTravel route={route} params={params} labels={labels} />
      <section aria-labelledby="commitments-h">
        <h2 id="commitments-h">{labels.commitmentsHeading}</h2>
        <CommitmentFilters plan={plan} route={route} params={params} onParams={onParams} />
        <CommitmentsTable plan={plan} route={route} params={params} changed={changed} onParams={onParams} />
      </section>
      <section aria-labelledby="export-h" class="export">
        <h2 id="export-h">{labels.exportHeading}</h2>
        <ul>
          <li>
            <a href={`/plan/${encodeURIComponent(plan.id)}/commitments.csv${queryOf(params)}`} download>
              {labels.exportCsv}
            </a>
          </li>
          <li>
            <a href={`/plan/${encodeURIComponent(plan.id)}/report.html${reportQuery}`} download>
              {labels.reportHtml}
            </a>
          </li>
          <li>
            <a href={`/plan/${encodeURIComponent(plan.id)}/report.md${reportQuery}`} download>
              {labels.reportMarkdown}
            </a>
          </li>
          {enhanced && (
            <li>
              <button type="button" class="link-button" data-action="print">
                {labels.print}
              </button>
            </li>
          )}
        </ul>
        {labels.reportLanguageNote && <p class="hint">{labels.reportLanguageNote}</p>}
      </section>
      <EmbedSnippet
        src={`${origin}${hrefOf({ page: 'embed-plan', id: plan.id }, { lang: params.lang })}`}
        title={labels.embedFrameTitle(plan.title)}
        labels={labels}
      />
    </>
  );
}
