import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@ledger/event-store';
import { TokenService, loadConfig, ProjectionRunner } from '@ledger/core';
import { createApp } from '../apps/api/src/bootstrap';
import { describeEachStore, RUN_SUFFIX } from './support/store-targets';

/** This run's plan id (unique on a real server, which keeps earlier runs). */
const P = `c${RUN_SUFFIX}`;

describeEachStore('concurrent writers on one commitment', (target) => {
  let app: NestFastifyApplication;
  let token: string;

  async function gql(query: string) {
    const res = await app.inject({ method: 'POST', url: '/graphql', headers: { authorization: `Bearer ${token}` }, payload: { query } });
    return res.json() as {
      data?: Record<string, { version: number; commitment: { activities: Array<{ actionsDone: Array<{ id: string; text: string }> }> } }>;
      errors?: Array<{ extensions: { code: string; currentVersion?: number } }>;
    };
  }

  async function streamEvents(stream: string): Promise<RecordedEvent[]> {
    const out: RecordedEvent[] = [];
    for await (const e of app.get<EventStore>(EVENT_STORE).readStream(stream)) out.push(e);
    return out;
  }

  beforeAll(async () => {
    app = await createApp(
      loadConfig({ ...(await target.start()), LEDGER_SAMPLE: 'off', LEDGER_JWT_SECRET: 'concurrency-test-secret-0123456789abcdef' }),
    );
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    await app.get(ProjectionRunner).caughtUp;
    token = await app.get(TokenService).issue({ sub: 'cora', name: 'Cora', roles: ['coordinator'] });
    for (const q of [
      `mutation { definePlan(input:{id:"${P}", country:"X", title:"T", period:"P"}) { version } }`,
      `mutation { addAxis(input:{planId:"${P}", axisId:"a", title:"A"}) { version } }`,
      `mutation { registerCommitment(input:{planId:"${P}", axisId:"a", number:1, title:"C", leadOrganisation:"O"}) { version } }`,
      `mutation { planActivity(input:{commitmentId:"${P}.1", title:"A", weight:1}) { version } }`,
    ])
      expect((await gql(q)).errors).toBeUndefined();
  }, 30_000);

  afterAll(async () => {
    await app.close();
    await target.stop();
  });

  it('accepts 64 concurrent writers without expectedVersion: every command is in the log once, no lost update', async () => {
    const results = await Promise.all(
      Array.from({ length: 64 }, (_, i) =>
        gql(
          `mutation { recordAction(input:{commitmentId:"${P}.1", activityId:"${P}.1.1", kind:DONE, text:"writer ${i}"}) { version commitment { activities { actionsDone { id text } } } } }`,
        ),
      ),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    const versions = results.map((r) => r.data!.recordAction.version).sort((a, b) => a - b);
    expect(new Set(versions).size).toBe(64); // each write got its own version
    const events = (await streamEvents(`commitment-${P}.1`)).filter((e) => e.type === 'ActionRecorded');
    expect(events.map((e) => (e.data as { text: string }).text).sort()).toEqual(Array.from({ length: 64 }, (_, i) => `writer ${i}`).sort());
    const ids = events.map((e) => (e.data as { actionId: string }).actionId);
    expect(new Set(ids).size).toBe(64); // ids decided against fresh state each retry
    const last = await gql(
      `mutation { recordAction(input:{commitmentId:"${P}.1", activityId:"${P}.1.1", kind:DONE, text:"last"}) { version commitment { activities { actionsDone { id text } } } } }`,
    );
    expect(last.data!.recordAction.commitment.activities[0].actionsDone).toHaveLength(65);
  }, 30_000);

  it('lets exactly one of 64 writers with the same expectedVersion win; the others get CONCURRENCY_CONFLICT with the current version', async () => {
    const before = (await streamEvents(`commitment-${P}.1`)).length;
    const results = await Promise.all(
      Array.from({ length: 64 }, (_, i) =>
        gql(
          `mutation { reportActivityProgress(input:{commitmentId:"${P}.1", activityId:"${P}.1.1", progress:${i + 1}, expectedVersion:${before}}) { version } }`,
        ),
      ),
    );
    const won = results.filter((r) => !r.errors);
    expect(won).toHaveLength(1);
    for (const r of results.filter((x) => x.errors)) {
      expect(r.errors![0].extensions).toMatchObject({ code: 'CONCURRENCY_CONFLICT', currentVersion: before + 1 });
    }
    expect((await streamEvents(`commitment-${P}.1`)).length).toBe(before + 1);
  }, 30_000);
});
