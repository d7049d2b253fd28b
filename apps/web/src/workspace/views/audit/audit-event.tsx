import { flattenData } from '@ledger/web-ui';
import { useLoad, useWs } from '../../context';
import { EVENT_QUERY, type AuditNode } from '../../queries';
import { Show } from '../common';

interface EventData {
  event: { edges: Array<{ node: AuditNode }> };
  previous: { edges: Array<{ node: { position: string; metadata: { hash: string | null } | null } }> };
  next: { edges: Array<{ node: { position: string } }> };
}

const GENESIS = '0'.repeat(64);

/** One stored event: its fields, its data field by field, its metadata, and where it sits in the hash chain. */
export function AuditEvent({ position }: { position: string }) {
  const { api, t, fmt, href, loc } = useWs();
  const state = useLoad(
    () => api.query<EventData>(EVENT_QUERY, { before: (BigInt(position) - 1n).toString(), at: position, lang: loc.lang }),
    [position, loc.lang],
  );
  return (
    <Show state={state}>
      {({ event, previous, next }) => {
        const e = event.edges[0]?.node;
        const back = <a href={href({ view: 'audit' })}>{t.backToTrail}</a>;
        if (!e || e.position !== position)
          return (
            <>
              <p class="breadcrumb">{back}</p>
              <h1>{t.eventTitle(position)}</h1>
              <p>{t.noEvent}</p>
            </>
          );
        const m = e.metadata;
        const prev = previous.edges[0]?.node;
        const data = flattenData(e.data, '');
        const link = (hash: string | null | undefined) => (!hash ? '—' : hash === GENESIS ? `${t.genesis} (${hash.slice(0, 12)}…)` : hash);
        return (
          <>
            <p class="breadcrumb">{back}</p>
            <h1>{t.eventTitle(e.position)}</h1>
            <p>{e.summary}</p>
            <h2>{t.eventFields}</h2>
            <dl class="facts" dir="ltr">
              <Fact term={t.typeColumn} value={e.type} />
              <Fact term={t.stream} value={e.stream} />
              <Fact term={t.revision} value={String(e.revision)} />
              <Fact term={t.schemaVersion} value={String(e.schemaVersion ?? '')} />
              <Fact term={t.effectiveColumn} value={`${fmt.dateTime(e.effectiveAt)} (${e.effectiveAt})`} />
            </dl>
            <h2>{t.data}</h2>
            <dl class="facts data" dir="ltr">
              {Object.entries(data).map(([k, v]) => (
                <Fact key={k} term={k.replace(/^\./, '')} value={v} />
              ))}
            </dl>
            <h2>{t.metadata}</h2>
            {m && (
              <dl class="facts" dir="ltr">
                <Fact term={t.actorColumn} value={m.actor ?? '—'} />
                <Fact term="role" value={m.role ?? '—'} />
                <Fact term={t.recordedColumn} value={`${fmt.dateTime(m.recordedAt)} (${m.recordedAt})`} />
                <Fact term="commandId" value={m.commandId ?? '—'} />
                <Fact term="correlationId" value={m.correlationId ?? '—'} />
                <Fact term="causationId" value={m.causationId ?? '—'} />
              </dl>
            )}
            <h2>{t.hashTitle}</h2>
            <dl class="facts hashes" dir="ltr">
              <Fact term={t.hash} value={m?.hash ?? '—'} />
              <div>
                <dt>{t.prevHash}</dt>
                <dd>
                  <code>{link(m?.prevHash)}</code>
                  {prev && m?.prevHash && m.prevHash !== GENESIS && (
                    <>
                      {' '}
                      → <a href={href({ view: 'audit-event', id: prev.position })}>{t.eventTitle(prev.position)}</a>{' '}
                      {prev.metadata?.hash === m.prevHash ? '✓' : '✗'}
                    </>
                  )}
                </dd>
              </div>
              <Fact term={t.streamPrevHash} value={link(m?.streamPrevHash)} />
            </dl>
            <nav class="paging" aria-label={t.eventFields}>
              {prev && (
                <a href={href({ view: 'audit-event', id: prev.position })} rel="prev">
                  {t.previousEvent}
                </a>
              )}
              {next.edges[0] && (
                <a href={href({ view: 'audit-event', id: next.edges[0].node.position })} rel="next">
                  {t.nextEvent}
                </a>
              )}
            </nav>
          </>
        );
      }}
    </Show>
  );
}

function Fact({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>
        <code>{value}</code>
      </dd>
    </div>
  );
}
