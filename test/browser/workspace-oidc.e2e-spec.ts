import type { Page } from 'playwright-core';
import { describeInBrowser } from '../support/browser';
import { CommandBus } from '@nestjs/cqrs';
import { ExecuteLedgerCommand } from '@ledger/core';
import { OIDC_CLIENT_ID, OIDC_RESOURCE, reserveTestProvider, type TestProvider } from '../support/oidc-test-provider';
import { settled, startWorkspaceSuite, type WorkspaceSuite } from '../support/workspace-browser';

/**
 * Signing in through a real OpenID Provider (oidc-provider 9, in this process): authorization code
 * with PKCE from the browser, tokens in the page's memory, silent renewal with the refresh token,
 * single sign-on after a reload, "session expired" (never the public view) when renewal fails,
 * and sign-out at the provider.
 */
const PLAN = 'ma-2018-2020';
const ACCESS_TOKEN_TTL = 8;

describeInBrowser('signing in to the workspaces through an OpenID Connect provider', () => {
  let provider: TestProvider;
  let s: WorkspaceSuite;
  let page: Page;
  /** Addresses the page was sent to at the provider's login page. */
  const loginPages: string[] = [];

  beforeAll(async () => {
    provider = await reserveTestProvider();
    s = await startWorkspaceSuite({
      sample: true,
      env: {
        LEDGER_OIDC_ISSUER: provider.issuer,
        LEDGER_OIDC_JWKS_URL: provider.jwksUrl,
        LEDGER_OIDC_CLIENT_ID: OIDC_CLIENT_ID,
        LEDGER_OIDC_SCOPES: 'openid profile ledger',
        LEDGER_OIDC_RESOURCE: OIDC_RESOURCE,
      },
    });
    await provider.serve(s.base, { accessTokenTtl: ACCESS_TOKEN_TTL });
    // This server takes only the provider's tokens: the setup goes through the command bus, as a coordinator.
    await s.t.app
      .get(CommandBus)
      .execute(
        new ExecuteLedgerCommand(
          { type: 'AssignLead', data: { commitmentId: `${PLAN}.7`, userId: 'amina' } },
          { principal: { sub: 'setup', roles: ['coordinator'] } },
          {},
        ),
      );
    page = await s.open('/workspace/lead?lang=en');
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() && frame.url().includes('/interaction/')) loginPages.push(frame.url());
    });
  }, 180_000);
  afterAll(async () => {
    await s?.stop();
    await provider?.stop();
  }, 60_000);

  it('a lead with no provider session lands on the sign-in page, signs in at the provider, and comes back to their commitments', async () => {
    // The silent attempt (prompt=none) found no session at the provider: the page asks to sign in.
    await page.waitForURL(/\/workspace\/sign-in\?lang=en&return=/);
    await page.waitForSelector('html[data-session="signed-out"]');
    const button = page.locator('main button', { hasText: 'Sign in with 127.0.0.1' });
    await button.click();
    await page.waitForURL(/\/interaction\//);
    await page.fill('input[name="login"]', 'amina');
    await page.fill('input[name="password"]', 'any password');
    await page.click('button[type="submit"]');
    await page.waitForURL(/\/workspace\/lead\?lang=en$/);
    await settled(page);
    expect(await page.locator('.ws-user').textContent()).toContain('Signed in as Amina Benali (lead)');
    await page.waitForSelector(`a[href^="/workspace/lead/commitment/${PLAN}.7"]`);
    // No token was written anywhere the page's scripts (or an injected one) could read later.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
    expect(stored).not.toMatch(/eyJ/);
  }, 60_000);

  it('renews the short-lived access token silently: the workspace keeps working after the first one expired', async () => {
    await page.waitForSelector('[data-renewals="2"]', { timeout: 4 * ACCESS_TOKEN_TTL * 1000 });
    await page.click(`a[href^="/workspace/lead/commitment/${PLAN}.7"]`);
    await settled(page);
    await page.waitForSelector('table.ws-table tbody tr');
    expect(await page.getAttribute('html', 'data-session')).toBe('signed-in');
  }, 60_000);

  it('a reload signs in again through the provider session, without showing its login page', async () => {
    const before = loginPages.length;
    await page.reload();
    await page.waitForSelector('html[data-session="signed-in"]');
    await settled(page);
    expect(new URL(page.url()).pathname).toBe(`/workspace/lead/commitment/${PLAN}.7`);
    expect(loginPages.length).toBe(before);
  }, 60_000);

  it('says the session expired when the token cannot be renewed, keeping the workspace on screen, and signs in again', async () => {
    await page.route(`${provider.issuer}/token`, (route) =>
      route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: 'invalid_grant' }) }),
    );
    await page.waitForSelector('html[data-session="expired"]', { timeout: 4 * ACCESS_TOKEN_TTL * 1000 });
    expect(await page.locator('.session-banner').textContent()).toContain('Your session has expired');
    expect(await page.locator('main h1').textContent()).toMatch(/Mise en place/);
    await page.unroute(`${provider.issuer}/token`);
    await page.click('.session-banner button');
    await page.waitForSelector('html[data-session="signed-in"]');
    expect(new URL(page.url()).pathname).toBe(`/workspace/lead/commitment/${PLAN}.7`);
  }, 60_000);

  it('axe finds nothing on the sign-in page offering the provider', async () => {
    const other = await s.browser.newContext();
    try {
      const fresh = await s.open('/workspace/sign-in?lang=ar', { context: other });
      await fresh.waitForSelector('html[data-session="signed-out"]');
      expect(await s.axe(fresh)).toEqual([]);
      await s.screenshot(fresh, 'ws-sign-in-oidc-ar-desktop');
    } finally {
      await other.close();
    }
  }, 60_000);

  it('signs out at the provider and comes back signed out', async () => {
    await page.click('.ws-user button');
    await page.waitForURL(new RegExp(`^${provider.issuer}/session/end`));
    await page.click('button[name="logout"]');
    await page.waitForURL(/\/workspace\/sign-in/);
    await page.waitForSelector('html[data-session="signed-out"]');
    // The provider sends everyone back to the one registered address (in the default language).
    expect(await page.locator('main button', { hasText: '127.0.0.1' }).count()).toBe(1);
    expect(await page.locator('.ws-user').count()).toBe(0);
  }, 60_000);

  it('no page raised a script error or logged one', () => {
    expect(s.scriptErrors).toEqual([]);
  });
});
