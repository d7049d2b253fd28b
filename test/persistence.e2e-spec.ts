import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { roundHalfUp } from '@ledger/domain';
import { createApp } from '../apps/api/src/bootstrap';
import { loadConfig, importSampleIfEmpty, ProjectionRunner } from '@ledger/core';

const PUBLISHED = [100, 100, 95, 96, 100, 95, 24, 100, 100, 95, 98, 100, 25, 26, 63, 100, 99, 97];
const PLAN_QUERY =
  '{ plan(id:"ma-2018-2020") { implementationRate version axes { id implementationRate } commitments { number implementationRate version activities { id weight progress status lifecycle actionsDone { text } } } } }';

async function boot(dir: string): Promise<NestFastifyApplication> {
  const app = await createApp(
    loadConfig({ LEDGER_DATA_DIR: dir, LEDGER_SAMPLE: 'off', LEDGER_JWT_SECRET: 'persistence-test-secret-0123456789abcdef' }),
  );
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

const query = async (app: NestFastifyApplication, q: string) =>
  (await app.inject({ method: 'POST', url: '/graphql', payload: { query: q } })).json();

describe('the bundled plan on a fresh ledger, and a restart', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-persist-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers not ready until the read models caught up, then serves the Morocco plan with its published rates', async () => {
    const app = await boot(dir);
    await app.get(ProjectionRunner).caughtUp;
    expect((await app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
    expect(await importSampleIfEmpty(app)).toBe(true);
    const plan = (await query(app, PLAN_QUERY)).data.plan;
    expect(plan.axes).toHaveLength(5);
    expect(plan.commitments.map((c: { implementationRate: number }) => roundHalfUp(c.implementationRate))).toEqual(PUBLISHED);
    expect(plan.commitments.reduce((n: number, c: { activities: unknown[] }) => n + c.activities.length, 0)).toBe(79);
    expect(roundHalfUp(plan.implementationRate)).toBe(84);
    const head = await app.get<EventStore>(EVENT_STORE).headPosition();
    expect(await importSampleIfEmpty(app)).toBe(false); // not empty any more: nothing imported
    expect(await app.get<EventStore>(EVENT_STORE).headPosition()).toBe(head);
    await app.close();
  }, 30_000);

  it('serves the self-assessment report through GraphQL, now and as of an earlier date', async () => {
    const app = await boot(dir);
    await app.get(ProjectionRunner).caughtUp;
    const report = async (args: string) => {
      const res = await query(app, `{ selfAssessmentReport(planId:"ma-2018-2020"${args}) }`);
      expect(res.errors).toBeUndefined();
      return res.data.selfAssessmentReport as string;
    };
    expect(await report('')).toContain("L'avancement global de la mise en œuvre du plan d'action national 2018-2020 est de 84 %");
    expect(await report(', lang: EN')).toContain('Overall implementation of the 2018-2020 national action plan is 84%');
    const earlier = await report(', asOf: "2019-12-31T23:59:59Z"');
    expect(earlier).toContain('Situation au 2019-12-31');
    expect(earlier).not.toContain('est de 84 %');
    const html = await report(', format: HTML');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.match(/<svg /g)).toHaveLength(3);
    await app.close();
  }, 30_000);

  it('rebuilds exactly the same read models from the log after a restart', async () => {
    const first = await boot(dir);
    await first.get(ProjectionRunner).caughtUp;
    const before = await query(first, PLAN_QUERY);
    await first.close();
    const second = await boot(dir);
    await second.get(ProjectionRunner).caughtUp;
    expect(await query(second, PLAN_QUERY)).toEqual(before);
    await second.close();
  }, 30_000);
});
