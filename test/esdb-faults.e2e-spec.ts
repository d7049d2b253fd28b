import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EsdbEventStore, type RecordedEvent } from '@ledger/event-store';
import { LedgerReadModel, readModelDigests } from '@ledger/projections';
import { startEsdbDouble, waitFor, type EsdbDouble } from '@ledger/testing';
import { TokenService, loadConfig, ProjectionRunner, ReadModelService } from '@ledger/core';
import { createApp } from '../apps/api/src/bootstrap';

// The API on an EventStoreDB that misbehaves the way real servers can: a commit whose answer is
// lost, subscriptions the server drops mid catch-up and mid live, link events in $all.

async function boot(connectionString: string): Promise<{ app: NestFastifyApplication; token: string }> {
  const app = await createApp(
    loadConfig({
      EVENTSTORE_CONNECTION_STRING: connectionString,
      LEDGER_SAMPLE: 'off',
      LEDGER_JWT_SECRET: 'faults-test-secret-0123456789abcdefghij',
      LEDGER_DATA_DIR: '/nonexistent',
    }),
  );
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  await app.get(ProjectionRunner).caughtUp;
  const token = await app.get(TokenService).issue({ sub: 'cora', name: 'Cora', roles: ['coordinator'] });
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

async function logEvents(connectionString: string): Promise<RecordedEvent[]> {
  const store = new EsdbEventStore(connectionString);
  const events: RecordedEvent[] = [];
  try {
    for await (const e of store.readAll()) events.push(e);
  } finally {
    await store.close();
  }
  return events;
}

async function freshReplay(connectionString: string) {
  const model = new LedgerReadModel();
  for (const e of await logEvents(connectionString)) model.apply(e);
  return { position: model.position, digests: readModelDigests(model) };
}

const SETUP = [
  'mutation { definePlan(input:{id:"f", country:"Maroc", title:"Faults", period:"2021-2023"}) { version } }',
  'mutation { addAxis(input:{planId:"f", axisId:"a", title:"A"}) { version } }',
  'mutation { registerCommitment(input:{planId:"f", axisId:"a", number:1, title:"C", leadOrganisation:"O"}) { version } }',
  'mutation { planActivity(input:{commitmentId:"f.1", title:"A1", weight:1}) { version } }',
];

describe.each([
  { path: 'BatchAppend', batchAppend: true },
  { path: 'classic Append', batchAppend: false },
])('the API on EventStoreDB ($path) when the server misbehaves', ({ batchAppend }) => {
  let double: EsdbDouble;
  const apps: NestFastifyApplication[] = [];
  beforeEach(async () => {
    double = await startEsdbDouble({ batchAppend });
  });
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.close()));
    await double.stop();
  });

  it('answers a commit whose reply was lost with STORE_UNAVAILABLE; the same command (same commandId) again succeeds and writes nothing twice', async () => {
    const { app, token } = await boot(double.connectionString);
    apps.push(app);
    for (const q of SETUP) expect((await gql(app, token, q)).errors).toBeUndefined();
    const report =
      'mutation { reportActivityProgress(input:{commandId:"lost-1", commitmentId:"f.1", activityId:"f.1.1", progress:40}) { version position } }';
    double.faults.loseReplies = 1;
    const lost = await gql(app, token, report);
    expect(lost.errors?.[0].extensions.code).toBe('STORE_UNAVAILABLE');
    expect(lost.errors?.[0].message).toContain('the outcome is unknown');
    const stored = double.log.stream('commitment-f.1')!;
    expect(stored.map((e) => e.metadata.get('type'))).toEqual(['CommitmentRegistered', 'ActivityPlanned', 'ActivityProgressReported']);

    const retried = await gql(app, token, report);
    expect(retried.errors).toBeUndefined();
    expect(retried.data?.reportActivityProgress).toEqual({ version: 3, position: stored[2].position.toString() });
    expect(double.log.stream('commitment-f.1')).toHaveLength(3);
    const progress = (await gql(app, undefined, '{ commitment(id:"f.1") { activities { progress } } }')).data?.commitment;
    expect(progress).toEqual({ activities: [{ progress: 40 }] });
  });

  it('answers a retry whose first attempt committed late (after the client gave up) with that write: the same event ids, so no conflict even with expectedVersion', async () => {
    const { app, token } = await boot(double.connectionString);
    apps.push(app);
    for (const q of SETUP) expect((await gql(app, token, q)).errors).toBeUndefined();
    // The web client freezes expectedVersion at the first attempt and sends it again with the retry.
    const report =
      'mutation { reportActivityProgress(input:{commandId:"late-1", expectedVersion:2, commitmentId:"f.1", activityId:"f.1.1", progress:40}) { version position } }';
    double.faults.commitLate = 1;
    const first = await gql(app, token, report);
    expect(first.errors?.[0].extensions.code).toBe('STORE_UNAVAILABLE');
    expect(first.errors?.[0].message).toContain('the outcome is unknown');
    expect(double.log.stream('commitment-f.1')).toHaveLength(2); // still in flight: the retry reads the stream without it

    // The first commit completes just before the retry's append: only identical event ids make that append a replay.
    const retried = await gql(app, token, report);
    expect(retried.errors).toBeUndefined();
    const stored = double.log.stream('commitment-f.1')!;
    expect(stored.map((e) => e.metadata.get('type'))).toEqual(['CommitmentRegistered', 'ActivityPlanned', 'ActivityProgressReported']);
    expect(retried.data?.reportActivityProgress).toEqual({ version: 3, position: stored[2].position.toString() });
  });

  it('stays equal to a fresh replay while the server drops its subscriptions mid catch-up and live, with link events in $all', async () => {
    const first = await boot(double.connectionString);
    apps.push(first.app);
    for (const q of SETUP) expect((await gql(first.app, first.token, q)).errors).toBeUndefined();
    // Live: the server drops the running subscription; writes go on meanwhile.
    double.faults.dropSubscriptions();
    await waitFor(() => first.app.get(ReadModelService).disconnected !== undefined);
    for (let i = 1; i <= 5; i++) {
      const res = await gql(first.app, first.token, `mutation { addAxis(input:{planId:"f", axisId:"x${i}", title:"X${i}"}) { version } }`);
      // A write may come back before the read models resubscribed: it is stored either way.
      if (res.errors) expect(res.errors[0].extensions.code).toBe('STORE_UNAVAILABLE');
    }
    // Catch-up: a second instance whose subscription is dropped after 3 events.
    double.faults.dropSubscriptionAfter = 3;
    const second = await boot(double.connectionString);
    apps.push(second.app);
    await waitFor(() => double.log.all.some((e) => e.stream === '$ce-plan') && double.log.all.some((e) => e.stream.startsWith('$et-')));
    const replay = await freshReplay(double.connectionString);
    for (const { app } of [first, second]) {
      await app.get(ReadModelService).waitFor(replay.position, 30_000);
      await waitFor(() => app.get(ReadModelService).ready);
      expect(readModelDigests(app.get(ReadModelService).model)).toEqual(replay.digests);
    }
    const axes = (await gql(second.app, undefined, '{ plan(id:"f") { axes { id } } }')).data?.plan.axes;
    expect(axes.map((a: { id: string }) => a.id)).toEqual(['a', 'x1', 'x2', 'x3', 'x4', 'x5']);
  }, 60_000);
});
