import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * What the API server adds for the workspaces (issue 11): the workspace pages' frame with the
 * public sign-in settings and a strict CSP, the local development sign-in (never in production,
 * never with a configured secret), and the plan upload (coordinators only, bounded, nothing
 * written on any problem).
 */
const EXAMPLE = readFileSync(join(__dirname, '../data/plans/example-small.xlsx'));
const EXAMPLE_PLAN = 'exemple-commune-2024-2026';

const stateOf = (html: string) => JSON.parse(/<script type="application\/json" id="page-state">(.*?)<\/script>/s.exec(html)![1]);

describe('workspace pages and the development sign-in (generated secret, no OIDC)', () => {
  let t: TestApp;
  beforeAll(async () => {
    // No configured secret: the server generates its development one, and only then offers local sign-in.
    t = await startTestApp({ env: { LEDGER_JWT_SECRET: '' } });
  });
  afterAll(() => t.stop());

  const devToken = (body: unknown, contentType = 'application/json') =>
    t.app.inject({ method: 'POST', url: '/auth/dev-token', headers: { 'content-type': contentType }, payload: JSON.stringify(body) });

  it('serves every workspace page as a frame with the sign-in settings, no inline script and a strict CSP', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/workspace/lead/commitment/ma-2018-2020.7?lang=ar' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.body).toMatch(/<html lang="ar" dir="rtl">/);
    expect(res.body).not.toMatch(/<script>(?!\s*<\/script>)/);
    expect(stateOf(res.body)).toEqual({
      location: { route: { view: 'lead-commitment', id: 'ma-2018-2020.7' }, lang: 'ar', query: {} },
      signIn: { kind: 'dev', roles: ['coordinator', 'lead', 'auditor'] },
    });
  });

  it('answers 404 for an address that is no workspace page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/workspace/nowhere/at/all' });
    expect(res.statusCode).toBe(404);
    expect(stateOf(res.body).location.route).toEqual({ view: 'not-found' });
  });

  it('issues a development token for the chosen user and role, which the API then knows', async () => {
    const res = await devToken({ sub: 'amina', name: 'Amina B.', role: 'lead' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const { token, expiresAt } = res.json();
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());
    const me = await t.gql('{ me { sub name roles } }', undefined, { token });
    expect(me.data!.me).toEqual({ sub: 'amina', name: 'Amina B.', roles: ['lead'] });
  });

  it.each([
    ['an unknown role', { sub: 'x', name: 'X', role: 'admin' }, 'role'],
    ['a user id with spaces', { sub: 'a b', name: 'X', role: 'lead' }, 'sub'],
    ['an empty name', { sub: 'x', name: ' ', role: 'lead' }, 'name'],
    ['a name with a bidi control', { sub: 'x', name: 'A\u202eB', role: 'lead' }, 'name'],
  ])('refuses %s, naming the field', async (_what, body, field) => {
    const res = await devToken(body);
    expect(res.statusCode).toBe(400);
    expect(res.json().problems.map((p: { field: string }) => p.field)).toEqual([field]);
  });

  it('takes JSON only (a cross-site form post cannot mint a token)', async () => {
    const res = await devToken('sub=x&name=X&role=coordinator', 'application/x-www-form-urlencoded');
    expect(res.statusCode).toBe(415);
  });
});

describe.each([
  ['in production', { NODE_ENV: 'production' }],
  ['with a configured LEDGER_JWT_SECRET', {}],
])('the development sign-in %s', (_when, env) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env });
  });
  afterAll(() => t.stop());

  it('does not exist, and the pages do not offer it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/auth/dev-token',
      headers: { 'content-type': 'application/json' },
      payload: { sub: 'x', name: 'X', role: 'coordinator' },
    });
    expect(res.statusCode).toBe(404);
    const page = await t.app.inject({ method: 'GET', url: '/workspace/sign-in' });
    expect(stateOf(page.body).signIn).toEqual({ kind: 'none', reason: 'no-sign-in' });
  });
});

describe('workspace pages with an OIDC provider', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: {
        LEDGER_JWT_SECRET: '',
        LEDGER_OIDC_ISSUER: 'https://id.example.org/realms/ogp',
        LEDGER_OIDC_JWKS_URL: 'https://id.example.org/realms/ogp/protocol/openid-connect/certs',
        LEDGER_OIDC_CLIENT_ID: 'ledger-web',
        LEDGER_OIDC_SCOPES: 'openid  profile offline_access',
      },
    });
  });
  afterAll(() => t.stop());

  it('gives the browser the public client settings and lets its scripts reach the provider only', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/workspace' });
    expect(stateOf(res.body).signIn).toEqual({
      kind: 'oidc',
      issuer: 'https://id.example.org/realms/ogp',
      clientId: 'ledger-web',
      scopes: 'openid profile offline_access',
    });
    expect(String(res.headers['content-security-policy'])).toMatch(/connect-src 'self' ws:\/\/\S+ wss:\/\/\S+ https:\/\/id\.example\.org;/);
    const dev = await t.app.inject({ method: 'POST', url: '/auth/dev-token', payload: { sub: 'x', name: 'X', role: 'lead' } });
    expect(dev.statusCode).toBe(404);
  });

  it('keeps the public pages closed to the provider (their CSP is unchanged)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' });
    expect(String(res.headers['content-security-policy'])).not.toContain('id.example.org');
  });
});

describe('POST /plan-imports (plan upload from the coordinator workspace)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  const upload = async (
    bytes: Buffer,
    opts: { name?: string; dryRun?: boolean; as?: 'coordinator' | 'lead' | 'auditor' | 'anonymous' } = {},
  ) => {
    const as = opts.as ?? 'coordinator';
    const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
    if (as !== 'anonymous') headers.authorization = `Bearer ${await t.tokenFor(as, `up-${as}`)}`;
    const query = `name=${encodeURIComponent(opts.name ?? 'plan.xlsx')}${opts.dryRun ? '&dryRun=true' : ''}`;
    return t.app.inject({ method: 'POST', url: `/plan-imports?${query}`, headers, payload: bytes });
  };

  it.each([
    ['an anonymous caller', 'anonymous', 401, 'UNAUTHENTICATED'],
    ['a lead', 'lead', 403, 'FORBIDDEN'],
    ['an auditor', 'auditor', 403, 'FORBIDDEN'],
  ] as const)('refuses %s and writes nothing', async (_who, as, status, code) => {
    const before = await t.headPosition();
    const res = await upload(EXAMPLE, { as });
    expect(res.statusCode).toBe(status);
    expect(res.json()).toMatchObject({ ok: false, code });
    expect(await t.headPosition()).toBe(before);
  });

  it('refuses a file over 10 MB with PAYLOAD_TOO_LARGE and writes nothing', async () => {
    const before = await t.headPosition();
    const res = await upload(Buffer.alloc(10 * 1024 * 1024 + 1, 1));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ ok: false, code: 'PAYLOAD_TOO_LARGE' });
    expect(await t.headPosition()).toBe(before);
  });

  it('reports a bad workbook at its cells and writes nothing', async () => {
    const book = new Workbook();
    await book.xlsx.load(EXAMPLE as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Activities')!;
    const weight = sheet.getRow(1).values as unknown[];
    const column = weight.indexOf('Weight');
    sheet.getRow(3).getCell(column).value = -1;
    const bad = Buffer.from(await book.xlsx.writeBuffer());
    const before = await t.headPosition();
    const res = await upload(bad);
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(body.problems).toContainEqual(
      expect.objectContaining({
        place: expect.objectContaining({ sheet: 'Activities', row: 3, column: 'Weight' }),
        rule: expect.any(String),
      }),
    );
    expect(await t.headPosition()).toBe(before);
  });

  it('lists the commands of a dry run and writes nothing', async () => {
    const before = await t.headPosition();
    const res = await upload(EXAMPLE, { dryRun: true });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ ok: true, dryRun: true, planId: EXAMPLE_PLAN, revision: false });
    expect(body.commands).toHaveLength(21);
    expect(body.commands[0]).toMatchObject({ type: 'DefinePlan', target: EXAMPLE_PLAN });
    expect(await t.headPosition()).toBe(before);
  });

  it('imports as the uploading coordinator, and a second upload writes nothing', async () => {
    const res = await upload(EXAMPLE, { name: 'example-small.xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, dryRun: false, planId: EXAMPLE_PLAN, written: 21, alreadyPresent: 0 });
    const plan = await t.gql(`{ plan(id: "${EXAMPLE_PLAN}") { commitments { id } } }`);
    expect(plan.data!.plan.commitments).toHaveLength(3);
    const trail = await t.gql(
      `{ auditTrail(filter: { planId: "${EXAMPLE_PLAN}" }, first: 1) { edges { node { metadata { actor role } } } } }`,
    );
    expect(trail.data!.auditTrail.edges[0].node.metadata).toEqual({ actor: 'up-coordinator', role: 'coordinator' });
    const head = await t.headPosition();
    const again = await upload(EXAMPLE, { name: 'example-small.xlsx' });
    expect(again.json()).toMatchObject({ ok: true, commands: [] });
    expect(await t.headPosition()).toBe(head);
  });
});
