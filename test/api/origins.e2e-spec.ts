import { mustMutate } from '../support/ledger-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/** Which other sites may call the API (LEDGER_CORS_ORIGINS) and frame the embeds (LEDGER_EMBED_ORIGINS). */
describe('other sites: CORS and embeds', () => {
  let t: TestApp;
  const DASHBOARD = 'https://dashboard.example';
  const NEWS = 'https://news.example';
  beforeAll(async () => {
    t = await startTestApp({ env: { LEDGER_CORS_ORIGINS: DASHBOARD, LEDGER_EMBED_ORIGINS: `${NEWS}, https://blog.example` } });
    await mustMutate(t, 'definePlan', { id: 'emb', country: 'X', title: 'Plan', period: '2021' });
    await mustMutate(t, 'addAxis', { planId: 'emb', axisId: 'a', title: 'A' });
    await mustMutate(t, 'registerCommitment', { planId: 'emb', axisId: 'a', number: 1, title: 'C', leadOrganisation: 'O' });
  }, 30_000);
  afterAll(() => t?.stop());

  const preflight = (origin: string) =>
    t.app.inject({
      method: 'OPTIONS',
      url: '/graphql',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });

  it('lets a listed origin call the API from a browser, and no other', async () => {
    expect((await preflight(DASHBOARD)).headers['access-control-allow-origin']).toBe(DASHBOARD);
    expect((await preflight('https://evil.example')).headers['access-control-allow-origin']).toBeUndefined();
  });

  it('lets only the listed origins frame the plan and commitment embeds; other pages are never framed', async () => {
    for (const url of ['/embed/plan/emb', '/embed/commitment/emb.1']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-security-policy']).toMatch(`frame-ancestors ${NEWS} https://blog.example`);
    }
    const page = await t.app.inject({ method: 'GET', url: '/commitment/emb.1' });
    expect(page.headers['content-security-policy']).toMatch("frame-ancestors 'none'");
    expect(page.headers['x-frame-options']).toBe('DENY');
  });
});
