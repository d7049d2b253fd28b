import type { GraphQLObjectType, GraphQLSchema } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { waitFor } from '@ledger/testing';
import { ReadModelService } from '@ledger/core';
import { LiveFanOut } from '../../apps/api/src/live/live-fan-out';
import { planTopic } from '../../apps/api/src/live/live-topics';
import { mustMutate } from '../support/ledger-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * What the read caches of issue 13 must never do (docs/adr/0013): serve a view for a position it
 * does not reflect, or give one caller an answer that depends on another caller's rights — for
 * queries (views per position, cost estimates per document) and for live subscribers (one
 * execution per group of identical subscriptions).
 */
const P = 'cache';
const C = `${P}.1`;
const PLAN_WITH_LEADS = `query { plan(id: "${P}") { implementationRate lastPosition commitments { id leads { userId } } } }`;
const LIVE_WITH_LEADS = `subscription($id: ID!) { planUpdated(planId: $id) { lastPosition commitments { id leads { userId } } } }`;

interface LivePlan {
  planUpdated: { lastPosition: string; commitments: Array<{ id: string; leads: Array<{ userId: string }> | null }> };
}

describe('read caches (views per log position, cost estimates, live groups)', () => {
  let t: TestApp;
  let url: string;
  const clients: Client[] = [];
  const client = (connectionParams?: Record<string, unknown>): Client => {
    const c = createClient({ url, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: false });
    clients.push(c);
    return c;
  };
  /** Everything a subscription receives, as it arrives. */
  const follow = (c: Client, query: string, variables: Record<string, unknown>) => {
    const received: LivePlan[] = [];
    const stop = c.subscribe<LivePlan>(
      { query, variables },
      { next: (m) => void (m.data && received.push(m.data as LivePlan)), error: () => undefined, complete: () => undefined },
    );
    return { received, stop };
  };

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    url = `ws://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}/graphql`;
    await mustMutate(t, 'definePlan', { id: P, country: 'Maroc', title: 'Plan', period: '2021-2023' });
    await mustMutate(t, 'addAxis', { planId: P, axisId: 'a', title: 'A' });
    await mustMutate(t, 'registerCommitment', { planId: P, axisId: 'a', number: 1, title: 'C1', leadOrganisation: 'O' });
    await mustMutate(t, 'planActivity', { commitmentId: C, title: 'Act', weight: 1 });
    await mustMutate(t, 'assignLead', { commitmentId: C, userId: 'e2e-lead' });
  }, 60_000);
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await t?.stop();
  });

  it('serves a schema whose plain fields are read inline, with field middleware and field resolvers kept', () => {
    const schema = (t.app.getHttpAdapter().getInstance() as unknown as { graphql: { schema: GraphQLSchema } }).graphql.schema;
    const fields = (type: string) => (schema.getType(type) as GraphQLObjectType).getFields();
    expect(fields('Plan').title.resolve).toBeUndefined();
    expect(fields('Activity').progress.resolve).toBeUndefined();
    expect(fields('Plan').lastUpdatedAt.resolve).toBeDefined();
    expect(fields('Commitment').axis.resolve).toBeDefined();
    expect(fields('Commitment').leads.resolve).toBeDefined();
  });

  it('answers a read after a write with the write: the view cached before it is never served again', async () => {
    const before = await t.gql(PLAN_WITH_LEADS, undefined, 'anonymous');
    expect(before.data!.plan.implementationRate).toBe(0);
    const written = await mustMutate(t, 'reportActivityProgress', { commitmentId: C, activityId: `${C}.1`, progress: 35 });
    const after = await t.gql(PLAN_WITH_LEADS, undefined, 'anonymous');
    expect(after.data!.plan).toMatchObject({ implementationRate: 35, lastPosition: written.position });
  });

  it('never gives an anonymous caller the leads a coordinator saw at the same position, nor the reverse', async () => {
    const leadsOf = async (as: 'anonymous' | 'coordinator') =>
      (await t.gql(PLAN_WITH_LEADS, undefined, as)).data!.plan.commitments[0].leads as Array<{ userId: string }> | null;
    expect(await leadsOf('coordinator')).toEqual([{ userId: 'e2e-lead' }]);
    expect(await leadsOf('anonymous')).toBeNull();
    expect(await leadsOf('coordinator')).toEqual([{ userId: 'e2e-lead' }]);
  });

  it('refuses a hidden argument to an anonymous caller even when an auditor just sent the same query', async () => {
    const query = `{ plan(id: "${P}", asOf: { knownAt: "2030-01-01" }) { id } }`;
    expect((await t.gql(query, undefined, 'auditor')).errors).toBeUndefined();
    const anonymous = await t.gql(query, undefined, 'anonymous');
    expect(anonymous.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(anonymous.data ?? null).toBeNull();
  });

  it('sends an anonymous read again as the same bytes without executing it, until the next write', async () => {
    const views = t.app.get(ReadModelService).views;
    const planViews = jest.spyOn(views, 'plan');
    const ask = async () => (await t.app.inject({ method: 'POST', url: '/graphql', payload: { query: PLAN_WITH_LEADS } })).body;
    await mustMutate(t, 'reportActivityProgress', { commitmentId: C, activityId: `${C}.1`, progress: 60 });
    const first = await ask();
    const computed = planViews.mock.calls.length;
    expect(computed).toBeGreaterThan(0);
    expect(await ask()).toBe(first);
    expect(planViews.mock.calls.length).toBe(computed);
    const written = await mustMutate(t, 'reportActivityProgress', { commitmentId: C, activityId: `${C}.1`, progress: 65 });
    const after = JSON.parse(await ask()) as { data: { plan: { implementationRate: number; lastPosition: string } } };
    expect(after.data.plan).toMatchObject({ implementationRate: 65, lastPosition: written.position });
    expect(planViews.mock.calls.length).toBeGreaterThan(computed);
    planViews.mockRestore();
  });

  it('never serves a kept anonymous answer to a caller with a token, valid or not', async () => {
    const leadsOf = async (as: 'anonymous' | 'coordinator') =>
      (await t.gql(PLAN_WITH_LEADS, undefined, as)).data!.plan.commitments[0].leads as Array<{ userId: string }> | null;
    expect(await leadsOf('anonymous')).toBeNull();
    expect(await leadsOf('anonymous')).toBeNull();
    expect(await leadsOf('coordinator')).toEqual([{ userId: 'e2e-lead' }]);
    expect(await leadsOf('anonymous')).toBeNull();
    const refused = await t.gql(PLAN_WITH_LEADS, undefined, { token: 'not-a-jwt' });
    expect(refused.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(refused.data ?? null).toBeNull();
  });

  it('keeps no answer whose query reads more than the live views: each such read is executed', async () => {
    const views = t.app.get(ReadModelService).views;
    const planViews = jest.spyOn(views, 'plan');
    // `me` answers by who asks: the whole document is executed every time.
    const query = `{ plan(id: "${P}") { id } me { roles } }`;
    const first = await t.gql(query, undefined, 'anonymous');
    expect(first.errors).toBeUndefined();
    const calls = planViews.mock.calls.length;
    await t.gql(query, undefined, 'anonymous');
    expect(planViews.mock.calls.length).toBeGreaterThan(calls);
    planViews.mockRestore();
  });

  it('sends live subscribers with the same selection and rights one shared update, and callers with other rights their own', async () => {
    const fanOut = t.app.get(LiveFanOut);
    const topic = planTopic(P);
    const coordinatorToken = await t.tokenFor('coordinator');
    const anonymousA = follow(client(), LIVE_WITH_LEADS, { id: P });
    const anonymousB = follow(client(), LIVE_WITH_LEADS, { id: P });
    const coordinator = follow(client({ authorization: `Bearer ${coordinatorToken}` }), LIVE_WITH_LEADS, { id: P });
    await waitFor(() => fanOut.followers(topic) === 3);
    expect(fanOut.groupCount(topic)).toBe(2);

    const written = await mustMutate(t, 'reportActivityProgress', { commitmentId: C, activityId: `${C}.1`, progress: 55 });
    const got = (s: { received: LivePlan[] }) => s.received.find((m) => m.planUpdated.lastPosition === written.position);
    await waitFor(() => [anonymousA, anonymousB, coordinator].every((s) => got(s) !== undefined));
    expect(got(anonymousA)!.planUpdated.commitments[0].leads).toBeNull();
    expect(got(anonymousB)).toEqual(got(anonymousA));
    expect(got(coordinator)!.planUpdated.commitments[0].leads).toEqual([{ userId: 'e2e-lead' }]);

    // A subscriber that leaves stops being written to; the others keep their group.
    anonymousB.stop();
    await waitFor(() => fanOut.followers(topic) === 2);
    expect(fanOut.groupCount(topic)).toBe(2);
    coordinator.stop();
    anonymousA.stop();
    await waitFor(() => fanOut.groupCount(topic) === 0);
  });
});
