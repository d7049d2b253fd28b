import type { Browser, Page } from 'playwright-core';
import { buildWebApp, describeInBrowser, launchBrowser } from '../support/browser';
import { mustMutate } from '../support/ledger-fixtures';
import { makeTempDir, removeDir, startTestApp, type TestApp } from '../support/test-app';

/** An open page survives a server restart: it says it lost the connection, reconnects, and stays live. */

const P = 'restart';
describeInBrowser('live updates across a server restart', () => {
  let dataDir: string;
  let webDir: string;
  let browser: Browser;
  let t: TestApp | undefined;
  let port: number;
  const boot = async (listenOn: number) => {
    const app = await startTestApp({ dataDir, env: { LEDGER_WEB_DIR: webDir } });
    await app.app.listen(listenOn, '127.0.0.1');
    return app;
  };

  beforeAll(async () => {
    dataDir = makeTempDir();
    webDir = buildWebApp();
    t = await boot(0);
    port = (t.app.getHttpServer().address() as { port: number }).port;
    await mustMutate(t, 'definePlan', { id: P, country: 'X', title: 'Plan', period: '2021' });
    await mustMutate(t, 'addAxis', { planId: P, axisId: 'a', title: 'A' });
    await mustMutate(t, 'registerCommitment', { planId: P, axisId: 'a', number: 1, title: 'C1', leadOrganisation: 'O' });
    await mustMutate(t, 'planActivity', { commitmentId: `${P}.1`, title: 'Act', weight: 1 });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
    removeDir(dataDir);
    removeDir(webDir);
  }, 60_000);

  it('reconnects after the server restarts and shows a change written afterwards', async () => {
    const context = await browser.newContext();
    const page: Page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/plan/${P}?lang=en`);
    await page.waitForSelector('.live-status:has-text("Live")');

    await t!.stop();
    t = undefined;
    await page.waitForSelector('.live-status:has-text("Connection lost")');

    t = await boot(port);
    await page.waitForSelector('.live-status:has-text("Live")', { timeout: 30_000 });
    const res = await mustMutate(t, 'reportActivityProgress', { commitmentId: `${P}.1`, activityId: `${P}.1.1`, progress: 70 });
    await page.waitForFunction((p) => document.querySelector('tr#c-1')?.getAttribute('data-position') === p, res.position);
    expect(await page.locator('tr#c-1 .rate-text').textContent()).toMatch(/70\s?%/);
    await context.close();
  }, 90_000);
});
