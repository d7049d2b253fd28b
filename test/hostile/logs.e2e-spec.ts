import { Writable } from 'node:stream';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig, ProjectionRunner, ReadModelService, TokenService } from '@ledger/core';
import { createApp } from '../../apps/api/src/bootstrap';
import { makeTempDir, removeDir, TEST_JWT_SECRET } from '../support/test-app';
import { post } from './hostile-support';

interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
  operation?: string;
  outcome?: string;
  role?: string;
  durationMs?: number;
  err?: { stack?: string };
  [key: string]: unknown;
}

/** Production logs: one JSON line per request, refusals without stacks, one stack per unexpected error. */
describe('hostile callers: production logs', () => {
  let app: NestFastifyApplication;
  let dir: string;
  let text = '';
  const lines = (): LogLine[] =>
    text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as LogLine);
  const requestLine = (operation: string) => lines().find((l) => l.msg === 'request' && l.operation === operation);

  beforeAll(async () => {
    dir = makeTempDir();
    const stream = new Writable({ write: (chunk, _enc, done) => ((text += String(chunk)), done()) });
    app = await createApp(loadConfig({ NODE_ENV: 'production', LEDGER_DATA_DIR: dir, LEDGER_JWT_SECRET: TEST_JWT_SECRET }), undefined, {
      logStream: stream,
    });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    await app.get(ProjectionRunner).caughtUp;
  }, 30_000);
  afterAll(async () => {
    await app.close();
    removeDir(dir);
  });
  beforeEach(() => (text = ''));

  it('writes every line as JSON, and a request line with id, method, path, status, operation, duration, outcome and role', async () => {
    await post(app, { query: 'query Dashboard { plans { id } }' });
    const line = requestLine('Dashboard');
    expect(line).toMatchObject({
      level: 30,
      reqId: expect.any(String),
      method: 'POST',
      path: '/graphql',
      status: 200,
      outcome: 'OK',
      role: 'anonymous',
      durationMs: expect.any(Number),
    });
  });

  it('does not log health probes', async () => {
    for (const url of ['/health/live', '/health/ready']) expect((await app.inject({ method: 'GET', url })).statusCode).toBe(200);
    await post(app, { query: 'query After { plans { id } }' });
    expect(requestLine('After')).toBeDefined();
    expect(text).not.toContain('/health');
  });

  it('logs refused requests at info without a stack, and never the token', async () => {
    const junk = 'Bearer this-is-a-secret-looking-token-value';
    await post(app, { query: 'query Sneaky { plans { id } }' }, { authorization: junk });
    const coordinator = await app.get(TokenService).issue({ sub: 'cora', name: 'Cora Private', roles: ['coordinator'] });
    await post(
      app,
      { query: 'mutation Bad { definePlan(input: { id: "Not A Slug", country: "X", title: "T", period: "P" }) { version } }' },
      {
        authorization: `Bearer ${coordinator}`,
      },
    );
    expect(requestLine('Sneaky')).toMatchObject({ level: 30, outcome: 'UNAUTHENTICATED', role: 'invalid token' });
    expect(requestLine('Bad')).toMatchObject({ level: 30, outcome: 'VALIDATION_FAILED', role: 'coordinator' });
    expect(lines().filter((l) => l.level >= 40)).toEqual([]);
    expect(text).not.toMatch(/stack|this-is-a-secret|Cora Private|"cora"/);
    expect(text).not.toContain(coordinator);
  });

  it('logs an unexpected error once, at error, with one stack, and the request line names it', async () => {
    // The views readers get (computed once per log position in front of the read models).
    const views = app.get(ReadModelService).views;
    const allPlans = jest.spyOn(views, 'allPlans').mockImplementationOnce(() => {
      throw new TypeError('boom in a read model');
    });
    try {
      const { body } = await post(app, { query: 'query Broken { plans { id } }' });
      expect(body.errors![0]).toMatchObject({ message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    } finally {
      allPlans.mockRestore();
    }
    const errors = lines().filter((l) => l.level >= 50);
    expect(errors).toHaveLength(1);
    expect(errors[0].err?.stack).toContain('boom in a read model');
    expect(text.match(/boom in a read model\\n\s+at /g)).toHaveLength(1);
    expect(requestLine('Broken')).toMatchObject({ outcome: 'INTERNAL_SERVER_ERROR' });
  });
});
