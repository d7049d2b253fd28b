import { useState } from 'preact/hooks';
import { EVENT_SCHEMA_VERSIONS } from '@ledger/domain';
import { auditCsv, wsPath, type ExportedEntry } from '@ledger/web-ui';
import { useLoad, useWs } from '../../context';
import { EXPORT_QUERY, TRAIL_QUERY, type AuditNode } from '../../queries';
import { Show } from '../common';

const TYPES = Object.keys(EVENT_SCHEMA_VERSIONS).sort();
const PAGE = 50;
const FILTERS = ['plan', 'commitment', 'activity', 'actor', 'types', 'recordedFrom', 'recordedTo', 'effectiveFrom', 'effectiveTo'] as const;

interface TrailData {
  auditTrail: {
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
    edges: Array<{ cursor: string; node: AuditNode }>;
  };
  plans: Array<{ id: string; title: string }>;
}

const startOf = (day: string | undefined) => (day ? `${day}T00:00:00.000Z` : undefined);
const endOf = (day: string | undefined) => (day ? `${day}T23:59:59.999Z` : undefined);

/** The filter of the address's parameters (dates are whole days, both ends included). */
export function filterOf(q: Record<string, string>) {
  return {
    planId: q.plan,
    commitmentId: q.commitment,
    activityId: q.activity,
    actor: q.actor,
    types: q.types ? q.types.split(',').filter((x) => TYPES.includes(x)) : undefined,
    recordedFrom: startOf(q.recordedFrom),
    recordedTo: endOf(q.recordedTo),
    effectiveFrom: startOf(q.effectiveFrom),
    effectiveTo: endOf(q.effectiveTo),
  };
}

/** The audit trail as a table: filters in the address, paging both ways, each event opens, CSV export of the view. */
export function AuditTrail() {
  const { api, t, fmt, href, loc } = useWs();
  const q = loc.query;
  const filter = filterOf(q);
  const paging = q.after ? { first: PAGE, after: q.after } : q.before ? { last: PAGE, before: q.before } : { last: PAGE };
  const state = useLoad(() => api.query<TrailData>(TRAIL_QUERY, { filter, ...paging, lang: loc.lang }), [JSON.stringify(q), loc.lang]);
  const kept = Object.fromEntries(FILTERS.map((k) => [k, q[k]]));
  const selected = new Set(q.types?.split(',') ?? []);
  return (
    <>
      <h1>{t.trailTitle}</h1>
      <p>{t.trailIntro}</p>
      <form method="get" action={wsPath({ view: 'audit' })} class="filters audit-filters">
        <fieldset>
          <legend>{t.filtersLegend}</legend>
          {loc.lang !== 'fr' && <input type="hidden" name="lang" value={loc.lang} />}
          <div class="row">
            <div class="field">
              <label for="f-plan">{t.filterPlan}</label>
              <select id="f-plan" name="plan">
                <option value="">{t.anyPlan}</option>
                {(state.data?.plans ?? []).map((p) => (
                  <option key={p.id} value={p.id} selected={p.id === q.plan}>
                    {p.title}
                  </option>
                ))}
                {q.plan && !state.data && (
                  <option value={q.plan} selected>
                    {q.plan}
                  </option>
                )}
              </select>
            </div>
            <TextFilter id="commitment" label={t.filterCommitment} value={q.commitment} />
            <TextFilter id="activity" label={t.filterActivity} value={q.activity} />
            <TextFilter id="actor" label={t.filterActor} value={q.actor} />
          </div>
          <div class="row">
            <TextFilter id="recordedFrom" label={t.recordedFrom} value={q.recordedFrom} type="date" />
            <TextFilter id="recordedTo" label={t.recordedTo} value={q.recordedTo} type="date" />
            <TextFilter id="effectiveFrom" label={t.effectiveFrom} value={q.effectiveFrom} type="date" />
            <TextFilter id="effectiveTo" label={t.effectiveTo} value={q.effectiveTo} type="date" />
          </div>
          <details class="types" open={selected.size > 0}>
            <summary>{t.filterTypes}</summary>
            <ul class="checkboxes">
              {TYPES.map((type) => (
                <li key={type}>
                  <label dir="ltr">
                    <input type="checkbox" name="types" value={type} defaultChecked={selected.has(type)} /> {type}
                  </label>
                </li>
              ))}
            </ul>
          </details>
          <div class="actions">
            <button type="submit">{t.apply}</button>
            <a href={href({ view: 'audit' })}>{t.reset}</a>
          </div>
        </fieldset>
      </form>
      <Show state={state}>
        {({ auditTrail }) => {
          const { edges, pageInfo } = auditTrail;
          const first = edges[0]?.node.position;
          const last = edges.at(-1)?.node.position;
          return (
            <>
              <Exporter filter={filter} />
              <PagingLinks pageInfo={pageInfo} kept={kept} label={t.pagesAbove} />
              {edges.length === 0 ? (
                <p>{t.noEvents}</p>
              ) : (
                <div class="table-wrap" role="region" aria-label={t.trailTitle} tabIndex={0}>
                  <table class="ws-table trail">
                    <caption>{t.trailCaption(first ?? '', last ?? '')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t.positionColumn}</th>
                        <th scope="col">{t.typeColumn}</th>
                        <th scope="col">{t.effectiveColumn}</th>
                        <th scope="col">{t.recordedColumn}</th>
                        <th scope="col">{t.actorColumn}</th>
                        <th scope="col">{t.summaryColumn}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {edges.map(({ node }) => (
                        <tr key={node.position}>
                          <th scope="row">
                            <a href={href({ view: 'audit-event', id: node.position })}>{node.position}</a>
                          </th>
                          <td dir="ltr">
                            <code>{node.type}</code>
                            <br />
                            <span class="hint id">{node.stream}</span>
                          </td>
                          <td>{fmt.day(node.effectiveAt)}</td>
                          <td>{node.metadata ? fmt.dateTime(node.metadata.recordedAt) : '—'}</td>
                          <td class="actor">
                            <ActorId actor={node.metadata?.actor} />
                            {node.metadata?.role && <span class="hint"> ({node.metadata.role})</span>}
                          </td>
                          <td class="col-summary">{node.summary}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              <PagingLinks pageInfo={pageInfo} kept={kept} label={t.pagesBelow} />
            </>
          );
        }}
      </Show>
    </>
  );
}

function TextFilter({ id, label, value, type = 'text' }: { id: string; label: string; value?: string; type?: string }) {
  return (
    <div class="field">
      <label for={`f-${id}`}>{label}</label>
      <input id={`f-${id}`} name={id} type={type} defaultValue={value ?? ''} autoComplete="off" dir={type === 'text' ? 'ltr' : undefined} />
    </div>
  );
}

function PagingLinks({
  pageInfo,
  kept,
  label,
}: {
  pageInfo: TrailData['auditTrail']['pageInfo'];
  kept: Record<string, string | undefined>;
  label: string;
}) {
  const { t, href } = useWs();
  if (!pageInfo.hasPreviousPage && !pageInfo.hasNextPage) return null;
  return (
    <nav class="paging" aria-label={label}>
      {pageInfo.hasPreviousPage && pageInfo.startCursor && (
        <a href={href({ view: 'audit' }, { ...kept, before: pageInfo.startCursor })} rel="prev">
          {t.older}
        </a>
      )}
      {pageInfo.hasNextPage && pageInfo.endCursor && (
        <>
          <a href={href({ view: 'audit' }, { ...kept, after: pageInfo.endCursor })} rel="next">
            {t.newer}
          </a>
          <a href={href({ view: 'audit' }, kept)}>{t.newest}</a>
        </>
      )}
    </nav>
  );
}

/** Fetches every page of the filtered view (500 at a time) and saves it as flat CSV. */
function Exporter({ filter }: { filter: ReturnType<typeof filterOf> }) {
  const { api, t, fmt, loc } = useWs();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    const entries: ExportedEntry[] = [];
    let after: string | null = null;
    try {
      for (;;) {
        const res: { auditTrail: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: ExportedEntry }> } } =
          await api.query(EXPORT_QUERY, { filter, after, lang: loc.lang });
        entries.push(...res.auditTrail.edges.map((e) => e.node));
        setStatus(t.exporting(fmt.number(entries.length)));
        if (!res.auditTrail.pageInfo.hasNextPage) break;
        after = res.auditTrail.pageInfo.endCursor;
      }
      const url = URL.createObjectURL(new Blob([auditCsv(entries)], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `audit-trail-${new Date().toISOString().slice(0, 10)}.csv`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setStatus(t.exported(fmt.number(entries.length)));
    } catch (e) {
      setStatus(t.loadFailed(e instanceof Error ? e.message : String(e)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <p class="export">
      <button type="button" class="secondary" onClick={() => void run()} disabled={busy}>
        {t.exportCsv}
      </button>{' '}
      <span role="status">{status}</span>
    </p>
  );
}

/**
 * Who recorded an event: ids like `lead:amina` or `oidc|…` never break inside (an Arabic line
 * would split them at a hyphen or a colon); a very long one ends in an ellipsis, whole in its title
 * and to screen readers, and in full on the event's own page.
 */
function ActorId({ actor }: { actor: string | null | undefined }) {
  if (!actor) return <>—</>;
  return (
    <bdi class="id" title={actor}>
      {actor}
    </bdi>
  );
}
