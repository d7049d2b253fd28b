import { ACTIVITY_STATUSES } from '@ledger/domain';
import { lineChart } from '@ledger/charts';
import { COMMON_LABELS, WEB_LABELS, type WebLabels } from '@ledger/i18n';
import { formatterFor, isolate, type Formatter } from '../format';
import type { ActionEntry, ActivityData, CommitmentData, RatePoint, TimelineEntry } from '../queries';
import { hrefOf, keptParams, type PageParams, type Route } from '../route';
import { BandBadge } from './band-badge';
import { ChartFigure } from './chart-figure';
import { EmbedSnippet } from './embed-snippet';
import { RateBar } from './rate-bar';
import { TimeTravel } from './time-travel';

export interface CommitmentViewProps {
  commitment: CommitmentData;
  plan: { id: string; title: string };
  timeline: TimelineEntry[];
  history: RatePoint[];
  route: Route;
  params: PageParams;
  changed: ReadonlySet<string>;
  origin: string;
}

function Text({ value, empty }: { value: string | null; empty: string }) {
  if (!value) return <p class="empty">{empty}</p>;
  return (
    <>
      {value.split(/\n{2,}/).map((para, i) => (
        <p key={i} dir="auto">
          {para}
        </p>
      ))}
    </>
  );
}

function Actions({ title, entries, labels, notDone }: { title: string; entries: ActionEntry[]; labels: WebLabels; notDone?: boolean }) {
  if (entries.length === 0) return null;
  return (
    <>
      <h4>{title}</h4>
      <ul class="actions-list">
        {entries.map((a) => (
          <li key={a.id} dir="auto">
            {a.text}
            {a.date && <span class="date"> {labels.actionDate(a.date)}</span>}
            {notDone && a.reason && <span class="reason"> — {labels.notDoneReason(a.reason)}</span>}
          </li>
        ))}
      </ul>
    </>
  );
}

/** One activity, shown as the report does: weight, progress, the bands as ☐/☒, then its actions. */
function Activity({ a, params, fmt, changed }: { a: ActivityData; params: PageParams; fmt: Formatter; changed: boolean }) {
  const labels = WEB_LABELS[params.lang];
  const common = COMMON_LABELS[params.lang];
  const none = a.actionsDone.length + a.actionsNotDone.length + a.additionalActions.length === 0;
  return (
    <article
      class={`activity${changed ? ' changed' : ''}${a.lifecycle === 'CANCELLED' ? ' cancelled' : ''}`}
      id={`a-${a.number}`}
      aria-labelledby={`a-${a.number}-h`}
    >
      <h3 id={`a-${a.number}-h`}>{labels.activityHeading(fmt.number(a.number), isolate(a.title))}</h3>
      <p class="activity-figures">
        <span>{labels.weightValue(fmt.number(a.weight))}</span>
        <span>
          {labels.progressValue(fmt.percent(a.progress))}
          {a.progressEffectiveAt && ` ${labels.progressAsOf(fmt.day(a.progressEffectiveAt))}`}
        </span>
        <BandBadge band={a.status} label={common.bands[a.status]} />
        {a.lifecycle !== 'ACTIVE' && <strong class="lifecycle">{common.lifecycle[a.lifecycle]}</strong>}
      </p>
      {a.lifecycleReason && <p>{labels.lifecycleReason(a.lifecycleReason)}</p>}
      <ul class="ticks" aria-label={labels.bandsColumn}>
        {ACTIVITY_STATUSES.map((b) => (
          <li key={b}>
            <span aria-hidden="true">{b === a.status ? '☒' : '☐'}</span>
            <span class={b === a.status ? 'ticked' : undefined}>
              {common.bands[b]}
              {b === a.status && <span class="visually-hidden"> ✓</span>}
            </span>
          </li>
        ))}
      </ul>
      {a.note && (
        <p class="note">
          <strong>{labels.note}</strong> {a.note}
        </p>
      )}
      <Actions title={common.actionKinds.DONE} entries={a.actionsDone} labels={labels} />
      <Actions title={common.actionKinds.NOT_DONE} entries={a.actionsNotDone} labels={labels} notDone />
      <Actions title={common.actionKinds.ADDITIONAL} entries={a.additionalActions} labels={labels} />
      {none && <p class="empty">{labels.noActions}</p>}
    </article>
  );
}

/** The commitment page: text, activities, communication, outcome, rate over time, public timeline. */
export function CommitmentView({ commitment: c, plan, timeline, history, route, params, changed, origin }: CommitmentViewProps) {
  const labels = WEB_LABELS[params.lang];
  const common = COMMON_LABELS[params.lang];
  const fmt = formatterFor(params.lang);
  const points = history.filter((p) => p.implementationRate !== null).map((p) => ({ at: p.at, value: p.implementationRate as number }));
  const historySvg = lineChart(points, {
    title: labels.historyTitle(isolate(c.title)),
    desc: points.length
      ? labels.historyDesc(
          fmt.percent(points[0].value),
          fmt.percent(points[points.length - 1].value),
          fmt.day(points[0].at),
          fmt.day(points[points.length - 1].at),
        )
      : undefined,
    id: 'chart-history',
    hideTitle: true,
    format: (v) => fmt.percent(v),
    axisLabel: (at) => fmt.month(at),
  });
  return (
    <>
      <p class="breadcrumb">
        <a href={hrefOf({ page: 'plan', id: plan.id }, keptParams(params))}>{labels.backToPlan(isolate(plan.title))}</a>
      </p>
      <h1>
        <span class="commitment-number">
          {common.commitment} {fmt.number(c.number)}
        </span>{' '}
        {c.title}
      </h1>
      <dl class="facts">
        <dt>{common.axis}</dt>
        <dd dir="auto">{c.axis.title}</dd>
        <dt>{common.leadOrganisation}</dt>
        <dd dir="auto">{c.leadOrganisation}</dd>
        <dt>{common.implementationRate}</dt>
        <dd class="big-rate">
          <RateBar rate={c.implementationRate} fmt={fmt} noRate={labels.noRate} />
        </dd>
      </dl>
      <section aria-labelledby="problem-h">
        <h2 id="problem-h">{labels.problem}</h2>
        <Text value={c.problem} empty={labels.notProvided} />
        <h2>{labels.description}</h2>
        <Text value={c.description} empty={labels.notProvided} />
      </section>
      <TimeTravel route={route} params={params} labels={labels} />
      <section aria-labelledby="activities-h">
        <h2 id="activities-h">{labels.activitiesHeading}</h2>
        {c.activities.map((a) => (
          <Activity key={a.id} a={a} params={params} fmt={fmt} changed={changed.has(a.id)} />
        ))}
      </section>
      <section aria-labelledby="communication-h">
        <h2 id="communication-h">{labels.communicationHeading}</h2>
        {c.communicationActions.length === 0 ? (
          <p class="empty">{labels.noCommunication}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{labels.communicationColumns.action}</th>
                  <th scope="col">{labels.communicationColumns.date}</th>
                  <th scope="col">{labels.communicationColumns.target}</th>
                  <th scope="col">{labels.communicationColumns.indicators}</th>
                </tr>
              </thead>
              <tbody>
                {c.communicationActions.map((x) => (
                  <tr key={x.id} dir="auto">
                    <td>{x.action}</td>
                    <td>{x.date ?? ''}</td>
                    <td>{x.target ?? ''}</td>
                    <td>{x.indicators ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="outcome-h">
        <h2 id="outcome-h">{labels.results}</h2>
        <Text value={c.results} empty={labels.notProvided} />
        <h2>{labels.contribution}</h2>
        <Text value={c.contribution} empty={labels.notProvided} />
        <h2>{labels.nextSteps}</h2>
        <Text value={c.nextSteps} empty={labels.notProvided} />
      </section>
      <section aria-labelledby="history-h">
        <h2 id="history-h">{labels.historyHeading}</h2>
        <ChartFigure svg={historySvg} caption={labels.historyHeading} tableLabel={labels.chartData}>
          <div class="history-wrap" role="region" aria-label={labels.chartData} tabIndex={0}>
            <table class="history">
              <thead>
                <tr>
                  <th scope="col">{labels.dateColumn}</th>
                  <th scope="col">{labels.rateColumn}</th>
                </tr>
              </thead>
              <tbody>
                {history.map((p) => (
                  <tr key={p.at}>
                    <th scope="row">{fmt.day(p.at)}</th>
                    <td class="num">{p.implementationRate === null ? labels.noRate : fmt.percent(p.implementationRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </ChartFigure>
      </section>
      <section aria-labelledby="timeline-h">
        <h2 id="timeline-h">{labels.timelineHeading}</h2>
        <p class="hint">{labels.timelineIntro}</p>
        {timeline.length === 0 ? (
          <p class="empty">{labels.timelineEmpty}</p>
        ) : (
          <ol class="timeline">
            {timeline.map((e) => (
              <li key={e.position}>
                <time dateTime={e.effectiveAt}>{fmt.day(e.effectiveAt)}</time> <span class="summary">{e.summary}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
      <EmbedSnippet
        src={`${origin}${hrefOf({ page: 'embed-commitment', id: c.id }, { lang: params.lang })}`}
        title={labels.embedFrameTitle(c.title)}
        labels={labels}
      />
    </>
  );
}
