import { WEB_LABELS } from '@ledger/i18n';
import type { PageData } from '../loaders';
import type { PageParams, Route } from '../route';
import { CommitmentView } from './commitment-view';
import { EmbedCommitment, EmbedPlan } from './embed-views';
import { PlanOverview } from './plan-overview';
import { PlansIndex } from './plans-index';
import { Shell, type LiveStatus } from './shell';

/** Everything a page renders from: the same on the server (first HTML) and in the browser (hydration). */
export interface AppState {
  route: Route;
  params: PageParams;
  data: PageData;
  /** Origin of the site, for the embed snippets. */
  origin: string;
}

export interface AppProps extends AppState {
  live?: LiveStatus;
  changed?: ReadonlySet<string>;
  announcement?: string;
  /** True once the browser script runs (JavaScript-only controls appear then). */
  enhanced?: boolean;
  onParams?: (params: PageParams) => void;
}

const NONE: ReadonlySet<string> = new Set();

export function App({ route, params, data, origin, live = 'off', changed = NONE, announcement, enhanced = false, onParams }: AppProps) {
  const labels = WEB_LABELS[params.lang];
  if (route.page === 'embed-plan' && data.kind === 'plan') return <EmbedPlan plan={data.plan} params={params} />;
  if (route.page === 'embed-commitment' && data.kind === 'commitment')
    return <EmbedCommitment commitment={data.commitment} params={params} />;
  const last =
    data.kind === 'plan'
      ? { at: data.plan.lastUpdatedAt, position: data.plan.lastPosition }
      : data.kind === 'commitment'
        ? { at: data.commitment.lastUpdatedAt, position: data.commitment.lastPosition }
        : data.kind === 'plans'
          ? latest(data.plans)
          : undefined;
  return (
    <Shell route={route} params={params} lastUpdate={last} live={live} announcement={announcement}>
      {data.kind === 'plans' && <PlansIndex plans={data.plans} params={params} />}
      {data.kind === 'plan' && (
        <PlanOverview
          plan={data.plan}
          route={route}
          params={params}
          changed={changed}
          origin={origin}
          enhanced={enhanced}
          onParams={onParams}
        />
      )}
      {data.kind === 'commitment' && (
        <CommitmentView
          commitment={data.commitment}
          plan={data.plan}
          timeline={data.timeline}
          history={data.history}
          route={route}
          params={params}
          changed={changed}
          origin={origin}
        />
      )}
      {data.kind === 'not-found' && (
        <>
          <h1>{labels.notFoundTitle}</h1>
          <p>{labels.notFoundBody}</p>
        </>
      )}
    </Shell>
  );
}

function latest(plans: Array<{ lastUpdatedAt: string | null; lastPosition: string | null }>) {
  let best: { at: string | null; position: string | null } | undefined;
  for (const p of plans)
    if (p.lastPosition && (!best?.position || BigInt(p.lastPosition) > BigInt(best.position)))
      best = { at: p.lastUpdatedAt, position: p.lastPosition };
  return best;
}

/** The page's <title>. */
export function titleOf(data: PageData, params: PageParams): string {
  const labels = WEB_LABELS[params.lang];
  switch (data.kind) {
    case 'plans':
      return `${labels.plansTitle} — ${labels.siteName}`;
    case 'plan':
      return `${data.plan.title} — ${labels.siteName}`;
    case 'commitment':
      return `${data.commitment.title} — ${data.plan.title}`;
    case 'not-found':
      return labels.notFoundTitle;
  }
}
