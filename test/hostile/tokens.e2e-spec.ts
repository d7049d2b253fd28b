import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { createApp } from '../../apps/api/src/bootstrap';
import { loadConfig } from '@ledger/core';
import { makeTempDir, removeDir, startTestApp, TEST_JWT_SECRET, type TestApp } from '../support/test-app';
import { codes, post } from './hostile-support';

const secret = new TextEncoder().encode(TEST_JWT_SECRET);
const hs256 = (claims: Record<string, unknown>, exp?: string) => {
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('audrey')
    .setIssuer('opengov-ledger')
    .setAudience('opengov-ledger')
    .setIssuedAt();
  return (exp ? jwt.setExpirationTime(exp) : jwt).sign(secret);
};
const READ = { query: '{ plans { id } }' };

describe('hostile callers: tokens on reads', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()), 30_000);
  afterAll(() => t.stop());

  it.each([
    ['a junk token', async () => 'Bearer not-a-jwt'],
    ['a malformed header', async () => 'Basic YWxhZGRpbjpvcGVuc2VzYW1l'],
    ['an expired token', async () => `Bearer ${await hs256({ roles: ['auditor'] }, '-1m')}`],
    ['a token without exp', async () => `Bearer ${await hs256({ roles: ['auditor'] })}`],
  ])('refuses a read carrying %s with UNAUTHENTICATED, never serving it as anonymous', async (_label, header) => {
    const { body } = await post(t.app, READ, { authorization: await header() });
    expect(body.data ?? null).toBeNull();
    expect(codes(body)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses an expired auditor token on the audit trail instead of hiding the metadata', async () => {
    const { body } = await post(
      t.app,
      { query: '{ auditTrail(first: 1) { edges { node { metadata { actor } } } } }' },
      { authorization: `Bearer ${await hs256({ roles: ['auditor'] }, '-1m')}` },
    );
    expect(codes(body)).toEqual(['UNAUTHENTICATED']);
    expect(body.errors![0].message).toMatch(/expired/);
  });
});

describe('hostile callers: rate limits keyed on who is verified, else the client IP', () => {
  let t: TestApp;
  beforeAll(
    async () =>
      (t = await startTestApp({
        env: {
          LEDGER_RATE_LIMIT_PER_MINUTE: '5',
          LEDGER_RATE_LIMIT_AUTHENTICATED_PER_MINUTE: '8',
          LEDGER_RATE_LIMIT_BY_ROLE: 'auditor=20',
        },
      })),
    30_000,
  );
  afterAll(() => t.stop());

  it('throttles rotating junk tokens from one address like one anonymous caller, and none of them gets data', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const { status, body } = await post(t.app, READ, { authorization: `Bearer junk-${i}` }, '10.0.0.1');
      expect(body.data ?? null).toBeNull();
      statuses.push(status);
    }
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    expect(statuses.slice(0, 5)).not.toContain(429);
  });

  it('keys a verified caller on its subject: its own budget, larger than an anonymous one, and per role', async () => {
    const lead = await t.tokenFor('lead', 'rate-lead');
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) statuses.push((await post(t.app, READ, { authorization: `Bearer ${lead}` }, '10.0.0.1')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 429]);
    const auditor = await t.tokenFor('auditor', 'rate-auditor');
    for (let i = 0; i < 12; i++) expect((await post(t.app, READ, { authorization: `Bearer ${auditor}` }, '10.0.0.1')).status).toBe(200);
  });

  it('ignores X-Forwarded-For unless LEDGER_TRUST_PROXY is set', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await post(t.app, READ, { 'x-forwarded-for': `203.0.113.${i}` }, '10.0.0.2')).status);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('hostile callers: behind a trusted proxy', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ env: { LEDGER_RATE_LIMIT_PER_MINUTE: '2', LEDGER_TRUST_PROXY: 'true' } })), 30_000);
  afterAll(() => t.stop());

  it('keys anonymous callers on the forwarded client address', async () => {
    for (let i = 0; i < 3; i++) expect((await post(t.app, READ, { 'x-forwarded-for': `198.51.100.${i}` }, '10.0.0.3')).status).toBe(200);
    const same = [];
    for (let i = 0; i < 3; i++) same.push((await post(t.app, READ, { 'x-forwarded-for': '198.51.100.77' }, '10.0.0.3')).status);
    expect(same).toEqual([200, 200, 429]);
  });
});

describe('hostile callers: a weak generated secret', () => {
  it.each([
    ['empty', ''],
    ['short', 'abc123'],
  ])('refuses to start with an %s generated secret file', async (_label, content) => {
    const dir = makeTempDir();
    try {
      writeFileSync(join(dir, 'jwt-secret'), content);
      await expect(createApp(loadConfig({ LEDGER_DATA_DIR: dir, LEDGER_SAMPLE: 'off' }))).rejects.toThrow(/jwt-secret.*(weak|at least)/);
    } finally {
      removeDir(dir);
    }
  });
});
