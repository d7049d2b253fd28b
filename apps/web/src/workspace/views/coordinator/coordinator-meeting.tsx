import { isolate, wsPath } from '@ledger/web-ui';
import { useLoad, useWs } from '../../context';
import { MEETING_PLAN_QUERY, MEETING_QUERY } from '../../queries';
import { Bidi, Numbered, Rate, Show } from '../common';

interface Meeting {
  plan: { id: string; title: string; periods: Array<{ name: string; endsAt: string }> };
  changes: {
    since: string;
    until: string;
    rateBefore: number | null;
    rateAfter: number | null;
    commitments: Array<{
      commitmentId: string;
      number: number;
      title: string;
      rateBefore: number | null;
      rateAfter: number | null;
      events: Array<{ position: string; type: string; effectiveAt: string }>;
    }>;
  };
  auditTrail: { edges: Array<{ node: { position: string; summary: string; metadata: { actor: string | null } | null } }> };
}

/**
 * The committee's pack: what moved since the last meeting (or in a closed period), by whom, with
 * the rates before → after. Printable (the print stylesheet drops the controls).
 */
export function CoordinatorMeeting({ planId }: { planId: string }) {
  const { api, t, fmt, href, loc } = useWs();
  const period = loc.query.period;
  const state = useLoad(async () => {
    const { plan } = await api.query<{ plan: Meeting['plan'] | null }>(MEETING_PLAN_QUERY, { planId });
    if (!plan) throw new Error(`plan ${planId} not found`);
    const last = plan.periods.at(-1);
    const range = period ? { period } : { since: last ? last.endsAt : '1900-01-01' };
    const named = period ? plan.periods.findIndex((p) => p.name === period) : -1;
    const from = period ? (named > 0 ? plan.periods[named - 1].endsAt : '1900-01-01') : (range.since as string);
    const to = period && named >= 0 ? plan.periods[named].endsAt : undefined;
    return api.query<Meeting>(MEETING_QUERY, { planId, ...range, from, to, lang: loc.lang });
  }, [planId, period]);
  const pct = (r: number | null) => (r === null ? '—' : fmt.percent(r));
  const move = (before: number | null, after: number | null) =>
    before === null || after === null
      ? '—'
      : `${after - before >= 0 ? '+' : '−'}${fmt.number(Math.abs(Math.round((after - before) * 10) / 10))}`;
  return (
    <Show state={state}>
      {({ plan, changes, auditTrail }) => {
        const entries = new Map(auditTrail.edges.map((e) => [e.node.position, e.node]));
        const moved = changes.commitments.filter((c) => c.events.length > 0 || c.rateBefore !== c.rateAfter);
        return (
          <>
            <p class="breadcrumb no-print">
              <a href={href({ view: 'coordinator-plan', id: plan.id })}>
                <Bidi>{plan.title}</Bidi>
              </a>
            </p>
            <h1>{t.meetingTitle(isolate(plan.title))}</h1>
            <p>{t.meetingRange(fmt.day(changes.since), fmt.day(changes.until))}</p>
            <form method="get" action={wsPath({ view: 'coordinator-meeting', id: plan.id })} class="filters no-print">
              {loc.lang !== 'fr' && <input type="hidden" name="lang" value={loc.lang} />}
              <div class="field">
                <label for="meeting-period">{t.meetingPeriod}</label>
                <select id="meeting-period" name="period">
                  <option value="">{t.meetingSinceLast}</option>
                  {plan.periods.map((p) => (
                    <option key={p.name} value={p.name} selected={p.name === period}>
                      {t.periodEnds(p.name, fmt.day(p.endsAt))}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit">{t.showPeriod}</button>
              <button type="button" class="secondary" data-action="print">
                {t.printPack}
              </button>
            </form>
            <p class="ws-rate">
              <span class="ws-rate-label">{t.planRate}</span>{' '}
              <span id="plan-rate-move">{t.beforeAfter(pct(changes.rateBefore), pct(changes.rateAfter))}</span>
            </p>
            {moved.length === 0 ? (
              <p>{t.nothingMoved}</p>
            ) : (
              <div class="table-wrap" role="region" aria-label={t.eventsColumn} tabIndex={0}>
                <table class="ws-table meeting">
                  <caption>{t.meetingTitle(isolate(plan.title))}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.commitmentColumn}</th>
                      <th scope="col">{t.beforeColumn}</th>
                      <th scope="col">{t.afterColumn}</th>
                      <th scope="col" class="num">
                        {t.changeColumn}
                      </th>
                      <th scope="col">{t.eventsColumn}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {moved.map((c) => (
                      <tr key={c.commitmentId}>
                        <th scope="row">
                          <Numbered n={c.number} title={c.title} />
                        </th>
                        <td>
                          <Rate rate={c.rateBefore} />
                        </td>
                        <td>
                          <Rate rate={c.rateAfter} />
                        </td>
                        <td class="num" dir="ltr">
                          {move(c.rateBefore, c.rateAfter)}
                        </td>
                        <td>
                          <ul class="events">
                            {c.events.map((e) => {
                              const entry = entries.get(e.position);
                              return (
                                <li key={e.position}>
                                  <span class="hint">{fmt.day(e.effectiveAt)}</span> — <span>{entry?.summary ?? isolate(e.type)}</span>
                                  {entry?.metadata?.actor && (
                                    <span class="by">
                                      {' '}
                                      ({t.byColumn} <bdi>{entry.metadata.actor}</bdi>)
                                    </span>
                                  )}
                                </li>
                              );
                            })}
                          </ul>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        );
      }}
    </Show>
  );
}
