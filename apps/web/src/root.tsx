import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { WEB_LABELS } from '@ledger/i18n';
import {
  App,
  COMMITMENT_SUBSCRIPTION,
  hrefOf,
  isPast,
  loadPage,
  PLAN_SUBSCRIPTION,
  type AppState,
  type CommitmentData,
  type LiveStatus,
  type PageData,
  type PageParams,
  type PlanData,
} from '@ledger/web-ui';
import { createGqlClient } from './gql-client';
import { connectLive } from './live';

const HIGHLIGHT_MS = 2500;

/** What changed between two versions of the page data (ids of commitments and activities). */
function changedIds(before: PageData, after: PageData): { ids: Set<string>; names: string[] } {
  const ids = new Set<string>();
  const names: string[] = [];
  if (before.kind === 'plan' && after.kind === 'plan') {
    const old = new Map(before.plan.commitments.map((c) => [c.id, c.lastPosition]));
    for (const c of after.plan.commitments)
      if (old.get(c.id) !== c.lastPosition) {
        ids.add(c.id);
        names.push(c.title);
      }
  } else if (before.kind === 'commitment' && after.kind === 'commitment') {
    const old = new Map(before.commitment.activities.map((a) => [a.id, a.lastPosition]));
    for (const a of after.commitment.activities)
      if (old.get(a.id) !== a.lastPosition) {
        ids.add(a.id);
        names.push(a.title);
      }
    if (names.length === 0) names.push(after.commitment.title);
  }
  return { ids, names };
}

/** The page in the browser: hydrates the server's HTML, then filters locally and follows changes live. */
export function Root({ initial }: { initial: AppState }) {
  const [params, setParams] = useState<PageParams>(initial.params);
  const [data, setData] = useState<PageData>(initial.data);
  const [live, setLive] = useState<LiveStatus>('off');
  const [changed, setChanged] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState<string | undefined>();
  const [enhanced, setEnhanced] = useState(false);
  const dataRef = useRef(data);
  dataRef.current = data;
  const client = useMemo(() => createGqlClient(), []);
  const { route } = initial;

  useEffect(() => setEnhanced(true), []);

  useEffect(() => {
    // The past does not change: live updates only for "now", on pages about one plan or commitment.
    if (isPast(params) || (data.kind !== 'plan' && data.kind !== 'commitment')) return;
    const apply = (next: PageData) => {
      const { ids, names } = changedIds(dataRef.current, next);
      setData(next);
      if (ids.size === 0 && names.length === 0) return;
      setChanged(ids);
      setAnnouncement(WEB_LABELS[params.lang].liveUpdated(names.slice(0, 3).join(' ; ')));
      setTimeout(() => setChanged(new Set()), HIGHLIGHT_MS);
    };
    const refetch = () => void loadPage(client.gql, route, params).then(apply, () => undefined);
    const ws = connectLive({ onStatus: setLive, onReconnected: refetch });
    const id = data.kind === 'plan' ? data.plan.id : data.kind === 'commitment' ? data.commitment.id : '';
    const stop = ws.subscribe<{ planUpdated?: PlanData; commitmentUpdated?: CommitmentData }>(
      { query: data.kind === 'plan' ? PLAN_SUBSCRIPTION : COMMITMENT_SUBSCRIPTION, variables: { id } },
      {
        next: ({ data: update }) => {
          const current = dataRef.current;
          if (update?.planUpdated && current.kind === 'plan') apply({ kind: 'plan', plan: update.planUpdated });
          if (update?.commitmentUpdated && current.kind === 'commitment') {
            apply({ ...current, commitment: update.commitmentUpdated });
            refetch(); // the timeline and the rate history follow
          }
        },
        error: () => setLive('reconnecting'),
        complete: () => undefined,
      },
    );
    return () => {
      stop();
      void ws.dispose();
    };
    // One connection per page view; filters do not reconnect.
  }, []);

  const onParams = (next: PageParams) => {
    setParams(next);
    history.replaceState(null, '', hrefOf(route, next));
  };

  return (
    <App
      route={route}
      params={params}
      data={data}
      origin={initial.origin}
      live={live}
      changed={changed}
      announcement={announcement}
      enhanced={enhanced}
      onParams={data.kind === 'plan' ? onParams : undefined}
    />
  );
}
