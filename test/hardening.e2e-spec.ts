import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { TokenService, loadConfig, ProjectionRunner } from '@ledger/core';
import { createApp } from '../apps/api/src/bootstrap';
import { GRAPHQL_LIMITS } from '../apps/api/src/graphql/hardening';

async function boot(env: Record<string, string>): Promise<{ app: NestFastifyApplication; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-hardening-'));
  const app = await createApp(
    loadConfig({ LEDGER_DATA_DIR: dir, LEDGER_SAMPLE: 'off', LEDGER_JWT_SECRET: 'hardening-test-secret-0123456789abcdef', ...env }),
  );
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  await app.get(ProjectionRunner).caughtUp;
  return { app, dir };
}

const post = (app: NestFastifyApplication, payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json', ...headers },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });

describe('GraphQL hardening', () => {
  let app: NestFastifyApplication;
  let dir: string;
  beforeAll(async () => ({ app, dir } = await boot({ LEDGER_RATE_LIMIT_PER_MINUTE: '1000', LEDGER_QUERY_MAX_COST: '1000' })), 30_000);
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a query deeper than the limit (before estimating its cost)', async () => {
    let nested = 'id';
    for (let i = 0; i < 6; i++) nested = `commitments { axis { ${nested} } }`;
    const res = (await post(app, { query: `{ plans { axes { ${nested} } } }` })).json();
    expect(res.errors[0].message).toMatch(/depth/i);
    expect(res.errors[0].extensions.code).toBe('VALIDATION_FAILED');
  });

  it(`refuses more than ${GRAPHQL_LIMITS.maxAliases} aliases`, async () => {
    const aliases = Array.from({ length: GRAPHQL_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: plans { id }`).join(' ');
    const res = (await post(app, { query: `{ ${aliases} }` })).json();
    expect(res.errors[0]).toMatchObject({
      message: `query uses more than ${GRAPHQL_LIMITS.maxAliases} aliases`,
      extensions: { code: 'VALIDATION_FAILED' },
    });
  });

  it('refuses a query whose estimated cost is over the budget (QUERY_TOO_COSTLY), and accepts a normal dashboard query', async () => {
    const expensive = '{ rateHistory(planId: "p", from: "2018-01-01", to: "2020-09-26", interval: day) { at } }';
    const res = (await post(app, { query: expensive })).json();
    expect(res.errors[0].message).toMatch(/too expensive: estimated cost \d+ exceeds the budget of 1000/);
    expect(res.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', rule: 'maxCost', budget: 1000 });
    const dashboard = (
      await post(app, { query: '{ plans { implementationRate axes { implementationRate commitments { number implementationRate } } } }' })
    ).json();
    expect(dashboard.errors).toBeUndefined();
  });

  it('sends a browser opening /graphql to GraphiQL outside production', async () => {
    const res = await app.inject({ method: 'GET', url: '/graphql', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/graphiql');
    expect((await app.inject({ method: 'GET', url: '/graphiql' })).statusCode).toBe(200);
  });

  it('refuses batched queries', async () => {
    const res = await post(app, [{ query: '{ plans { id } }' }, { query: '{ plans { id } }' }]);
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
  });

  it('refuses a body over the limit with PAYLOAD_TOO_LARGE', async () => {
    const res = await post(app, { query: '{ plans { id } }', variables: { x: 'x'.repeat(GRAPHQL_LIMITS.bodyLimitBytes) } });
    expect(res.statusCode).toBe(413);
    expect(res.json().errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('rate limiting', () => {
  it('answers 429 RATE_LIMITED past the per-minute budget, counting per verified caller or per IP, never for health checks', async () => {
    const { app, dir } = await boot({ LEDGER_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const codes = [];
      for (let i = 0; i < 5; i++) codes.push((await post(app, { query: '{ plans { id } }' })).statusCode);
      expect(codes).toEqual([200, 200, 200, 429, 429]);
      expect((await post(app, { query: '{ plans { id } }' })).json().errors[0].extensions.code).toBe('RATE_LIMITED');
      const token = await app.get(TokenService).issue({ sub: 'dashboard', name: 'Dashboard', roles: ['auditor'] });
      expect((await post(app, { query: '{ plans { id } }' }, { authorization: `Bearer ${token}` })).statusCode).not.toBe(429);
      // A junk token is not a caller of its own: it counts against the IP, and is refused anyway.
      expect((await post(app, { query: '{ plans { id } }' }, { authorization: 'Bearer another-token' })).statusCode).toBe(429);
      expect((await app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});

describe('production mode', () => {
  it('turns introspection and GraphiQL off in production', async () => {
    const { app, dir } = await boot({ NODE_ENV: 'production' });
    try {
      const introspection = (await post(app, { query: '{ __schema { types { name } } }' })).json();
      expect(introspection.errors[0].message).toMatch(/introspection/i);
      expect((await app.inject({ method: 'GET', url: '/graphiql' })).statusCode).toBe(404);
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('answers a real internal error in production with a generic message and code, and no internals', async () => {
    const { app, dir } = await boot({ NODE_ENV: 'production' });
    try {
      // The store fails the way a driver does: a plain Error full of internals.
      const internals = `SQLITE_IOERR: disk I/O error at ${dir}/ledger.sqlite (SELECT * FROM events WHERE stream = ?)\n    at SqliteEventStore.readStream (libs/event-store/src/embedded/sqlite-event-store.ts:123:9)`;
      jest.spyOn(app.get<EventStore>(EVENT_STORE), 'readStream').mockImplementation(() => {
        throw new Error(internals);
      });
      const token = await app.get(TokenService).issue({ sub: 'cora', name: 'Cora', roles: ['coordinator'] });
      const res = (
        await post(
          app,
          { query: 'mutation { definePlan(input:{id:"boom", country:"X", title:"T", period:"P"}) { version } }' },
          { authorization: `Bearer ${token}` },
        )
      ).json();
      expect(res.data ?? null).toBeNull();
      expect(res.errors).toEqual([expect.objectContaining({ message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } })]);
      const body = JSON.stringify(res);
      for (const leak of ['SQLITE', 'SELECT', dir, 'sqlite-event-store', '.ts:', 'stack']) expect(body).not.toContain(leak);
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
