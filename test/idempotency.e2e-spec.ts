import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { TokenService, loadConfig, ProjectionRunner } from '@ledger/core';
import { createApp } from '../apps/api/src/bootstrap';
import { describeEachStore, RUN_SUFFIX } from './support/store-targets';

const SECRET = 'idempotency-test-secret-0123456789abcdef';

/** This run's plan id (unique on a real server, which keeps earlier runs). */
const P = `i${RUN_SUFFIX}`;

describeEachStore('idempotent commands (commandId)', (target) => {
  let env: Record<string, string>;
  let app: NestFastifyApplication;
  let token: string;

  const boot = async () => {
    app = await createApp(loadConfig({ ...env, LEDGER_SAMPLE: 'off', LEDGER_JWT_SECRET: SECRET }));
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    await app.get(ProjectionRunner).caughtUp;
    token = await app.get(TokenService).issue({ sub: 'cora', name: 'Cora', roles: ['coordinator'] });
  };
  const gql = async (query: string) =>
    (await app.inject({ method: 'POST', url: '/graphql', headers: { authorization: `Bearer ${token}` }, payload: { query } })).json() as {
      data?: Record<string, { version: number; position: string }>;
      errors?: Array<{ message: string; extensions: { code: string } }>;
    };
  const head = () => app.get<EventStore>(EVENT_STORE).headPosition();
  const report = (commandId: string, progress: number) =>
    `mutation { reportActivityProgress(input:{commandId:"${commandId}${RUN_SUFFIX}", commitmentId:"${P}.1", activityId:"${P}.1.1", progress:${progress}, effectiveAt:"2020-06-30"}) { version position } }`;

  beforeAll(async () => {
    env = await target.start();
    await boot();
    for (const q of [
      `mutation { definePlan(input:{id:"${P}", country:"X", title:"T", period:"P"}) { version position } }`,
      `mutation { addAxis(input:{planId:"${P}", axisId:"a", title:"A"}) { version position } }`,
      `mutation { registerCommitment(input:{planId:"${P}", axisId:"a", number:1, title:"C", leadOrganisation:"O"}) { version position } }`,
      `mutation { planActivity(input:{commitmentId:"${P}.1", title:"A", weight:1}) { version position } }`,
    ])
      expect((await gql(q)).errors).toBeUndefined();
  }, 30_000);
  afterAll(async () => {
    await app.close();
    await target.stop();
  });

  it('returns the original version and position for a retry with the same id and payload, writing nothing', async () => {
    const first = await gql(report('retry-1', 40));
    const before = await head();
    const again = await gql(report('retry-1', 40));
    expect(again.data).toEqual(first.data);
    expect(await head()).toBe(before);
  });

  it('refuses the same id with a different payload (ILLEGAL_STATE), writing nothing', async () => {
    await gql(report('retry-2', 50));
    const before = await head();
    const clash = await gql(report('retry-2', 51));
    expect(clash.errors?.[0].extensions.code).toBe('ILLEGAL_STATE');
    expect(clash.errors?.[0].message).toContain('commandId "retry-2" was already used');
    expect(await head()).toBe(before);
  });

  it('still recognises a retry after a restart (the commandId is in the log, not in memory)', async () => {
    const first = await gql(report('retry-3', 60));
    await app.close();
    await boot();
    const before = await head();
    expect((await gql(report('retry-3', 60))).data).toEqual(first.data);
    expect(await head()).toBe(before);
  }, 30_000);
});
