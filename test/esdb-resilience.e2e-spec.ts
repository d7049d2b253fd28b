import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EsdbEventStore, type RecordedEvent } from '@ledger/event-store';
import { LedgerReadModel, readModelDigests } from '@ledger/projections';
import { startEsdbDouble, waitFor, type EsdbDouble } from '@ledger/testing';
import { TokenService, loadConfig, ProjectionRunner, ReadModelService } from '@ledger/core';
import { createApp } from '../apps/api/src/bootstrap';

const SECRET = 'resilience-test-secret-0123456789abcdef';

async function boot(connectionString: string): Promise<{ app: NestFastifyApplication; token: string }> {
  const app = await createApp(
    loadConfig({
      EVENTSTORE_CONNECTION_STRING: connectionString,
      LEDGER_SAMPLE: 'off',
      LEDGER_JWT_SECRET: SECRET,
      LEDGER_LOG: 'silent',
      LEDGER_DATA_DIR: '/nonexistent',
    }),
  );
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  await app.get(ProjectionRunner).caughtUp;
  const token = await app.get(TokenService).issue({ sub: 'coord', name: 'Coordinator', roles: ['coordinator'] });
  return { app, token };
}

async function gql(app: NestFastifyApplication, token: string | undefined, query: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/graphql',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    payload: { query },
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL answers are checked by shape in each test
  return res.json() as { data?: Record<string, any>; errors?: Array<{ message: string; extensions: { code: string } }> };
}

const ready = async (app: NestFastifyApplication) => (await app.inject({ method: 'GET', url: '/health/ready' })).statusCode;

async function freshReplayDigests(connectionString: string) {
  const store = new EsdbEventStore(connectionString);
  const model = new LedgerReadModel();
  try {
    const events: RecordedEvent[] = [];
    for await (const e of store.readAll()) events.push(e);
    for (const e of events) model.apply(e);
  } finally {
    await store.close();
  }
  return { position: model.position, digests: readModelDigests(model) };
}

describe('the API on EventStoreDB (gRPC double): outages and several instances', () => {
  let double: EsdbDouble;
  const apps: NestFastifyApplication[] = [];
  beforeEach(async () => {
    double = await startEsdbDouble();
  });
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.close()));
    await double.stop();
  });

  it('keeps serving, reports not ready and fails writes fast while the store is down, then catches up to a fresh replay', async () => {
    const { app, token } = await boot(double.connectionString);
    apps.push(app);
    const define = await gql(
      app,
      token,
      'mutation { definePlan(input:{id:"p", country:"Maroc", title:"Plan", period:"2018-2020"}) { version } }',
    );
    expect(define.data?.definePlan.version).toBe(1);
    await gql(app, token, 'mutation { addAxis(input:{planId:"p", axisId:"a", title:"Axe"}) { version } }');

    await double.stop();
    await waitFor(() => app.get(ReadModelService).disconnected !== undefined, 30_000);
    expect(await ready(app)).toBe(503);
    const served = await gql(app, undefined, '{ plan(id:"p") { title axes { id } } }');
    expect(served).toEqual({ data: { plan: { title: 'Plan', axes: [{ id: 'a' }] } } });
    expect(served.data?.plan).toEqual({ title: 'Plan', axes: [{ id: 'a' }] });
    const refused = await gql(app, token, 'mutation { addAxis(input:{planId:"p", axisId:"b", title:"B"}) { version } }');
    expect(refused.errors?.[0].extensions.code).toBe('STORE_UNAVAILABLE');
    expect(refused.errors?.[0].message).toContain('EventStoreDB');

    await double.restart();
    // Another writer appends while the API is still reconnecting: it must arrive exactly once.
    const other = new EsdbEventStore(double.connectionString);
    await other.append(
      'plan-p',
      [
        {
          id: randomUUID(),
          type: 'AxisAdded',
          data: { planId: 'p', axisId: 'c', title: 'C', order: 2 },
          metadata: { schemaVersion: 1, recordedAt: new Date().toISOString(), effectiveAt: new Date().toISOString() },
        },
      ],
      1n,
    );
    await other.close();
    await waitFor(() => app.get(ReadModelService).ready, 30_000);
    expect(await ready(app)).toBe(200);
    // The API may have resubscribed before the other writer's append (then it arrives live): wait
    // for the log's head, as a fresh replay sees it, rather than assume which came first.
    const replay = await freshReplayDigests(double.connectionString);
    await waitFor(() => app.get(ReadModelService).position >= replay.position, 30_000);
    const after = await gql(app, undefined, '{ plan(id:"p") { axes { id } version } }');
    expect(after.data?.plan).toEqual({ axes: [{ id: 'a' }, { id: 'c' }], version: 3 });
    expect(app.get(ReadModelService).position).toBe(replay.position);
    expect(readModelDigests(app.get(ReadModelService).model)).toEqual(replay.digests);
  }, 90_000);

  it('shows a write made on one instance on another once it reaches that position', async () => {
    const a = await boot(double.connectionString);
    const b = await boot(double.connectionString);
    apps.push(a.app, b.app);
    const written = await gql(
      a.app,
      a.token,
      'mutation { definePlan(input:{id:"q", country:"Maroc", title:"Shared", period:"2021-2023"}) { position } }',
    );
    await b.app.get(ReadModelService).waitFor(BigInt(written.data?.definePlan.position), 30_000);
    expect((await gql(b.app, undefined, '{ plan(id:"q") { title } }')).data?.plan).toEqual({ title: 'Shared' });
  }, 60_000);

  it('converges two instances written to at the same time: both equal a fresh replay', async () => {
    const a = await boot(double.connectionString);
    const b = await boot(double.connectionString);
    apps.push(a.app, b.app);
    const setup = [
      'mutation { definePlan(input:{id:"w", country:"Maroc", title:"Both", period:"2021-2023"}) { version } }',
      'mutation { addAxis(input:{planId:"w", axisId:"x", title:"X"}) { version } }',
      'mutation { registerCommitment(input:{planId:"w", axisId:"x", number:1, title:"C", leadOrganisation:"O"}) { version } }',
      'mutation { planActivity(input:{commitmentId:"w.1", title:"A1", weight:1}) { version } }',
      'mutation { planActivity(input:{commitmentId:"w.1", title:"A2", weight:2}) { version } }',
    ];
    for (const q of setup) expect((await gql(a.app, a.token, q)).errors).toBeUndefined();
    // Both instances take writes concurrently, on the same commitment and on their own plans.
    const writes = (who: typeof a, name: string) =>
      Array.from({ length: 6 }, (_, i) => [
        gql(
          who.app,
          who.token,
          `mutation { recordAction(input:{commitmentId:"w.1", activityId:"w.1.${(i % 2) + 1}", kind:DONE, text:"${name} ${i}"}) { version } }`,
        ),
        gql(
          who.app,
          who.token,
          `mutation { reportActivityProgress(input:{commitmentId:"w.1", activityId:"w.1.${(i % 2) + 1}", progress:${10 * i + (name === 'a' ? 1 : 2)}}) { version } }`,
        ),
        gql(who.app, who.token, `mutation { addAxis(input:{planId:"w", axisId:"${name}${i}", title:"${name} ${i}"}) { version } }`),
      ]).flat();
    const results = await Promise.all([...writes(a, 'a'), ...writes(b, 'b')]);
    expect(results.filter((r) => r.errors)).toEqual([]);
    const head = (await freshReplayDigests(double.connectionString)).position;
    await Promise.all([a, b].map((x) => x.app.get(ReadModelService).waitFor(head, 30_000)));
    const replay = await freshReplayDigests(double.connectionString);
    expect(replay.position).toBe(head);
    for (const x of [a, b]) {
      expect(x.app.get(ReadModelService).position).toBe(replay.position);
      expect(readModelDigests(x.app.get(ReadModelService).model)).toEqual(replay.digests);
    }
    // And the figures are there: 12 actions, 12 new axes.
    const plan = (await gql(b.app, undefined, '{ plan(id:"w") { axes { id } commitments { activities { actionsDone { text } } } } }')).data
      ?.plan;
    expect(plan.axes).toHaveLength(13);
    expect(plan.commitments[0].activities.flatMap((x: { actionsDone: unknown[] }) => x.actionsDone)).toHaveLength(12);
  }, 90_000);
});
