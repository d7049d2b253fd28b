import {
  COMMITMENT_QUERY,
  PLAN_QUERY,
  PLANS_QUERY,
  RATE_HISTORY_QUERY,
  type CommitmentData,
  type PlanData,
  type PlanSummary,
  type RatePoint,
  type TimelineEntry,
} from './queries';
import { endOfDay, planIdOf, type PageParams, type Route } from './route';

/** Runs a GraphQL operation: in-process on the server, over HTTP in the browser. */
export type Gql = (
  query: string,
  variables: Record<string, unknown>,
) => Promise<{ data?: unknown; errors?: ReadonlyArray<{ message: string }> }>;

export type PageData =
  | { kind: 'plans'; plans: PlanSummary[] }
  | { kind: 'plan'; plan: PlanData }
  | { kind: 'commitment'; commitment: CommitmentData; plan: { id: string; title: string }; timeline: TimelineEntry[]; history: RatePoint[] }
  | { kind: 'not-found' };

async function run<T>(gql: Gql, query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await gql(query, variables);
  if (res.errors?.length) throw new Error(res.errors.map((e) => e.message).join('; '));
  return res.data as T;
}

const asOfOf = (params: PageParams) => (params.asOf ? { effectiveAt: endOfDay(params.asOf) } : null);

/** The data of a page, from the public API only. */
export async function loadPage(gql: Gql, route: Route, params: PageParams): Promise<PageData> {
  switch (route.page) {
    case 'plans':
      return { kind: 'plans', plans: (await run<{ plans: PlanSummary[] }>(gql, PLANS_QUERY, {})).plans };
    case 'plan':
    case 'embed-plan': {
      const { plan } = await run<{ plan: PlanData | null }>(gql, PLAN_QUERY, { id: route.id, asOf: asOfOf(params) });
      return plan ? { kind: 'plan', plan } : { kind: 'not-found' };
    }
    case 'commitment':
    case 'embed-commitment':
      return loadCommitment(gql, route.id, params);
    case 'not-found':
      return { kind: 'not-found' };
  }
}

async function loadCommitment(gql: Gql, id: string, params: PageParams): Promise<PageData> {
  const data = await run<{
    commitment: CommitmentData | null;
    plan: { id: string; title: string } | null;
    auditTrail: { edges: Array<{ node: TimelineEntry }> };
  }>(gql, COMMITMENT_QUERY, { id, planId: planIdOf(id), asOf: asOfOf(params), lang: params.lang });
  if (!data.commitment || !data.plan) return { kind: 'not-found' };
  // The timeline of the view: the events effective by asOf.
  const effective = params.asOf ? Date.parse(endOfDay(params.asOf)) : Infinity;
  const events = data.auditTrail.edges.map((e) => e.node).filter((e) => Date.parse(e.effectiveAt) <= effective);
  const history = await loadHistory(gql, id, events, params);
  return { kind: 'commitment', commitment: data.commitment, plan: data.plan, timeline: events.reverse(), history };
}

/** The rate month by month, from the first effective event to the last one (or the date asked). */
async function loadHistory(gql: Gql, id: string, events: readonly TimelineEntry[], params: PageParams): Promise<RatePoint[]> {
  const times = events.map((e) => Date.parse(e.effectiveAt)).filter((t) => !Number.isNaN(t));
  if (times.length === 0) return [];
  const from = new Date(Math.min(...times)).toISOString();
  const to = params.asOf ? endOfDay(params.asOf) : new Date(Math.max(...times)).toISOString();
  if (Date.parse(from) > Date.parse(to)) return [];
  const { rateHistory } = await run<{ rateHistory: RatePoint[] }>(gql, RATE_HISTORY_QUERY, {
    planId: planIdOf(id),
    commitmentId: id,
    from,
    to,
  });
  return rateHistory;
}
