import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Role } from '@ledger/domain';
import { artifactsDir, buildWebApp, launchBrowser } from './browser';
import { removeDir, startTestApp, type TestApp, type TestAppOptions } from './test-app';

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** One server, one browser, for a whole workspace suite (browser suites are the slow part of `npm test`). */
export interface WorkspaceSuite {
  t: TestApp;
  base: string;
  browser: Browser;
  context: BrowserContext;
  /** Script errors and console errors of every page opened. */
  scriptErrors: string[];
  open(path: string, options?: { viewport?: { width: number; height: number }; context?: BrowserContext }): Promise<Page>;
  /** The development sign-in page, as a person fills it; resolves once the workspace shows the user. */
  signIn(page: Page, sub: string, role: Role, name?: string): Promise<void>;
  /** axe's WCAG 2.1 A/AA and best-practice findings on a page, as "rule: targets" lines. */
  axe(page: Page): Promise<string[]>;
  screenshot(page: Page, name: string): Promise<void>;
  /**
   * Every page in French, English and Arabic, desktop and phone: one tab per language, signed in
   * once, moving between pages as a user would (in-page navigation). Runs axe on each page (desktop)
   * and writes the screenshots `ws-<name>-<lang>-<size>.png`. Answers axe's findings by page.
   */
  tour(pages: Array<[string, string]>, as: { sub: string; role: Role; name: string }): Promise<Record<string, string[]>>;
  stop(): Promise<void>;
}

/** Starts the app (development sign-in: no configured secret) on a port, and a browser with one context. */
export async function startWorkspaceSuite(options: TestAppOptions = {}): Promise<WorkspaceSuite> {
  const webDir = buildWebApp();
  const t = await startTestApp({ ...options, env: { LEDGER_WEB_DIR: webDir, LEDGER_JWT_SECRET: '', ...options.env } });
  await t.app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
  const browser = await launchBrowser();
  const context = await browser.newContext({ acceptDownloads: true });
  const scriptErrors: string[] = [];
  const shots = artifactsDir('screenshots');

  const open: WorkspaceSuite['open'] = async (path, opts = {}) => {
    const page = await (opts.context ?? context).newPage();
    page.on('pageerror', (e) => scriptErrors.push(`${path}: ${e.message}`));
    page.on('console', (m) => {
      // Refusals the tests provoke on purpose (404 pages, a dropped answer) are logged by Chromium as failed loads.
      if (m.type() === 'error' && !/status of 4\d\d|net::ERR_/.test(m.text())) scriptErrors.push(`${path}: ${m.text()}`);
    });
    await page.setViewportSize(opts.viewport ?? DESKTOP);
    await page.goto(base + path);
    return page;
  };

  const signIn: WorkspaceSuite['signIn'] = async (page, sub, role, name = sub) => {
    await page.waitForSelector('html[data-session="signed-out"]');
    await page.fill('#dev-sub', sub);
    await page.fill('#dev-name', name);
    await page.selectOption('#dev-role', role);
    await page.click('.dev-sign-in button[type="submit"]');
    await page.waitForSelector('html[data-session="signed-in"]');
  };

  return {
    t,
    base,
    browser,
    context,
    scriptErrors,
    open,
    signIn,
    axe: async (page) => {
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    },
    screenshot: async (page, name) => {
      await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
    },
    tour: async (pages, as) => {
      const found: Record<string, string[]> = {};
      for (const lang of ['fr', 'en', 'ar']) {
        const page = await open(`/workspace?lang=${lang}`);
        await signIn(page, as.sub, as.role, as.name);
        for (const [name, path] of pages) {
          const href = `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
          await page.evaluate((to) => {
            const a = document.createElement('a');
            a.href = to;
            document.body.append(a);
            a.click();
            a.remove();
          }, href);
          await page.waitForURL((url) => url.pathname + url.search === href);
          await settled(page);
          const violations = await new AxeBuilder({ page })
            .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
            .analyze()
            .then((r) => r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
          if (violations.length) found[href] = violations;
          await page.screenshot({ path: join(shots, `ws-${name}-${lang}-desktop.png`), fullPage: true });
          await page.setViewportSize(PHONE);
          await page.screenshot({ path: join(shots, `ws-${name}-${lang}-phone.png`), fullPage: true });
          await page.setViewportSize(DESKTOP);
        }
        await page.close();
      }
      return found;
    },
    stop: async () => {
      await context?.close();
      await browser?.close();
      await t?.stop();
      removeDir(webDir);
    },
  };
}

/** Waits until no request is in flight and the page shows no "loading" status. */
export async function settled(page: Page): Promise<void> {
  await page.waitForSelector('html[data-session="signed-in"], html[data-session="expired"]');
  await page.waitForFunction(() => !document.querySelector('main .ws-status'));
}
