import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { artifactsDir, buildWebApp, describeInBrowser, launchBrowser } from '../support/browser';
import { mutate } from '../support/ledger-fixtures';
import { removeDir, startTestApp, type TestApp } from '../support/test-app';

/**
 * A reader's visit in a real browser (Chromium): the overview, a filter, a commitment, a date in
 * the past, Arabic, the CSV export; a change written meanwhile appears without reloading; axe finds
 * nothing on any page; screenshots of every page in FR/EN/AR at desktop and phone widths.
 */

const PLAN = 'ma-2018-2020';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

describeInBrowser('the public dashboard in a browser', () => {
  let t: TestApp;
  let webDir: string;
  let browser: Browser;
  let context: BrowserContext;
  let base: string;

  /** Script errors and console errors of every page opened (hydration mismatches included). */
  const scriptErrors: string[] = [];
  const open = async (path: string, viewport = DESKTOP): Promise<Page> => {
    const page = await context.newPage();
    page.on('pageerror', (e) => scriptErrors.push(`${path}: ${e.message}`));
    page.on('console', (m) => {
      // The not-found page answers 404 on purpose; Chromium logs that status.
      if (m.type() === 'error' && !/status of 404/.test(m.text())) scriptErrors.push(`${path}: ${m.text()}`);
    });
    await page.setViewportSize(viewport);
    await page.goto(base + path);
    return page;
  };
  /** The page's script ran (it marks <html data-enhanced> once hydrated). */
  const hydrated = (page: Page) => page.waitForSelector('html[data-enhanced="true"]', { state: 'attached' });
  const rowCount = (page: Page) => page.locator('table.commitments tbody tr').count();

  beforeAll(async () => {
    webDir = buildWebApp();
    t = await startTestApp({ sample: true, env: { LEDGER_WEB_DIR: webDir } });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
    browser = await launchBrowser();
    context = await browser.newContext({ acceptDownloads: true });
  }, 120_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.stop();
    if (webDir) removeDir(webDir);
  }, 60_000);

  it('a reader opens the overview, filters, reads a commitment, looks at a past date, switches to Arabic', async () => {
    const page = await open('/');
    expect(new URL(page.url()).pathname).toBe(`/plan/${PLAN}`);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/Plan d.Action National/);
    expect(await rowCount(page)).toBe(18);
    await hydrated(page);

    await page.selectOption('#filter-axis', 'integrite');
    await page.waitForFunction(() => document.querySelectorAll('table.commitments tbody tr').length < 18);
    expect(page.url()).toContain('axis=integrite');
    const filtered = await rowCount(page);
    expect(filtered).toBeGreaterThan(0);

    await page.locator('table.commitments tbody tr th a').first().click();
    await page.waitForURL(/\/commitment\//);
    const title = await page.locator('h1').textContent();
    expect(title).toBeTruthy();
    expect(await page.locator('article.activity').count()).toBeGreaterThan(0);

    await page.fill('#asOf', '2019-06-30');
    await page.click('form.time-travel button[type="submit"]');
    await page.waitForURL(/asOf=2019-06-30/);
    await expect(page.locator('.banner').textContent()).resolves.toContain('Situation au 30 juin 2019');

    await page.click('a[data-lang="ar"]');
    await page.waitForURL(/lang=ar/);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('rtl');
    expect(page.url()).toContain('asOf=2019-06-30');
    await expect(page.locator('.banner').textContent()).resolves.toContain('الوضع بتاريخ');
    // The timeline speaks Arabic too, right to left, not a French line marked lang="fr".
    const line = page.locator('ol.timeline .summary').first();
    await expect(line.textContent()).resolves.toMatch(/^[\u0600-\u06ff]/);
    expect(await line.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    expect(await page.locator('ol.timeline [lang="fr"]').count()).toBe(0);
    await page.close();
  }, 60_000);

  it('serves the script, the chunk it shares with the workspaces and the styles under hashed names, cached for a year, no other origin, within the 60 KB budget', async () => {
    const html = await (await fetch(`${base}/plan/${PLAN}`)).text();
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.filter((a) => a.endsWith('.css'))).toHaveLength(1);
    expect(assets.filter((a) => a.endsWith('.js'))).toHaveLength(2);
    let gzipped = 0;
    for (const path of assets) {
      expect(path).toMatch(/-[\w-]{8}\.(js|css)$/);
      const res = await fetch(base + path);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable|immutable.*max-age=31536000/);
      if (path.endsWith('.js')) gzipped += gzipSync(Buffer.from(await res.arrayBuffer())).length;
    }
    // The workspaces' code stays in its own chunk: the overview's JavaScript keeps to its budget.
    expect(gzipped).toBeLessThan(60 * 1024);
    expect(html).not.toMatch(/(src|href)="https?:\/\//);
  });

  it('a keyboard user skips to the content and sorts the table without a mouse', async () => {
    const page = await open(`/plan/${PLAN}?lang=en`);
    await hydrated(page);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    expect(await page.locator('.skip-link').isVisible()).toBe(true); // visible when focused
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    const rateHeader = page.locator('table.commitments thead a', { hasText: 'Implementation rate' });
    await rateHeader.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/sort=rate/);
    expect(await page.locator('th[aria-sort="ascending"]').textContent()).toContain('Implementation rate');
    await page.close();
  }, 60_000);

  it('a journalist exports the table in view as CSV', async () => {
    const page = await open(`/plan/${PLAN}?lang=en`);
    await hydrated(page);
    await page.fill('#filter-q', 'budget');
    await page.waitForFunction(() => document.querySelectorAll('table.commitments tbody tr').length < 18);
    const shown = await rowCount(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[href*="commitments.csv"]')]);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toMatch(/^No\.,Title,Axis,Lead organisation,Implementation rate \(%\)/);
    expect(lines.length - 1).toBe(shown);
    expect(lines.slice(1).every((l) => /budg/i.test(l))).toBe(true);
    await page.close();
  }, 60_000);

  it('prints the figures and the tables without the controls', async () => {
    const page = await open(`/plan/${PLAN}?lang=en`);
    const controls = ['.languages', '.time-travel', '.filters', '.export', '.embed-code'];
    const shown = async () => Promise.all(controls.map((c) => page.locator(c).first().isVisible()));
    expect(await shown()).toEqual(controls.map(() => true));
    await page.emulateMedia({ media: 'print' });
    expect(await shown()).toEqual(controls.map(() => false));
    expect(await page.locator('table.commitments').isVisible()).toBe(true);
    expect(await page.locator('table.axes').isVisible()).toBe(true);
    await page.close();
  });

  it('an Arabic reader downloads the self-assessment report from the Arabic page: Arabic, right to left, well-formed', async () => {
    const page = await open(`/plan/${PLAN}?lang=ar`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[href*="report.html"]')]);
    expect(download.suggestedFilename()).toBe(`${PLAN}-self-assessment-ar.html`);
    const html = readFileSync((await download.path())!, 'utf8');
    const report = await context.newPage();
    report.on('pageerror', (e) => scriptErrors.push(`report (ar): ${e.message}`));
    await report.setViewportSize(DESKTOP);
    await report.setContent(html);
    expect(await report.evaluate(() => [document.documentElement.lang, getComputedStyle(document.body).direction])).toEqual(['ar', 'rtl']);
    // Right to left as laid out: a table's first column is drawn at the right.
    const cells = report.locator('table tr:has(td) td');
    const [first, second] = [await cells.nth(0).boundingBox(), await cells.nth(1).boundingBox()];
    expect(first!.x).toBeGreaterThan(second!.x);
    expect(await report.locator('h1').textContent()).toMatch(/[\u0600-\u06FF]/);
    await report.screenshot({ path: join(artifactsDir('screenshots'), 'report-ar-desktop.png') });
    await report.close();
    await page.close();
  }, 60_000);

  it('axe finds no accessibility violation on any page', async () => {
    const pages = [
      `/plan/${PLAN}`,
      `/plan/${PLAN}?lang=ar`,
      `/plan/${PLAN}?lang=en&asOf=2019-12-31&band=LIMITED`,
      `/commitment/${PLAN}.7`,
      `/commitment/${PLAN}.7?lang=ar`,
      `/commitment/${PLAN}.4?lang=en&asOf=2019-06-30`,
      `/embed/plan/${PLAN}`,
      `/embed/commitment/${PLAN}.7?lang=ar`,
      '/commitment/nowhere.1',
    ];
    const found: Record<string, string[]> = {};
    for (const path of pages) {
      const page = await open(path);
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
      if (result.violations.length)
        found[path] = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      await page.close();
    }
    expect(found).toEqual({});
  }, 120_000);

  it('writes screenshots of every page in French, English and Arabic, desktop and phone', async () => {
    const dir = artifactsDir('screenshots');
    const shots: Array<[string, string]> = [
      ['plan', `/plan/${PLAN}`],
      ['commitment', `/commitment/${PLAN}.7`],
      ['commitment-asof', `/commitment/${PLAN}.4?asOf=2019-06-30`],
      ['embed-plan', `/embed/plan/${PLAN}`],
    ];
    for (const [name, path] of shots)
      for (const lang of ['fr', 'en', 'ar'])
        for (const [size, viewport] of [
          ['desktop', DESKTOP],
          ['phone', PHONE],
        ] as const) {
          const url = `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
          const page = await open(url, viewport);
          await hydrated(page);
          await page.screenshot({ path: join(dir, `${name}-${lang}-${size}.png`), fullPage: name !== 'commitment' });
          // The commitment page is shot to the fold; its timeline (audit summaries) gets a shot of its own.
          if (name === 'commitment')
            await page
              .locator('section[aria-labelledby="timeline-h"]')
              .screenshot({ path: join(dir, `commitment-timeline-${lang}-${size}.png`) });
          await page.close();
        }
    expect(readFileSync(join(dir, 'plan-ar-phone.png')).length).toBeGreaterThan(10_000);
    expect(readFileSync(join(dir, 'commitment-timeline-ar-desktop.png')).length).toBeGreaterThan(10_000);
  }, 180_000);

  it('a commitment page follows its activities live, with the timeline', async () => {
    const page = await open(`/commitment/${PLAN}.13?lang=en`);
    await page.waitForSelector('.live-status:has-text("Live")');
    const timeline = await page.locator('ol.timeline li').count();
    const res = await mutate(t, 'recordAction', {
      commitmentId: `${PLAN}.13`,
      activityId: `${PLAN}.13.1`,
      kind: 'DONE',
      text: 'Décret adopté en conseil',
    });
    expect(res.errors).toBeUndefined();
    await page.waitForSelector('article#a-1 li:has-text("Décret adopté en conseil")');
    await page.waitForFunction((n) => document.querySelectorAll('ol.timeline li').length === n + 1, timeline);
    await page.close();
  }, 60_000);

  it('a change written while the page is open appears without a reload, highlighted', async () => {
    const page = await open(`/plan/${PLAN}`);
    await page.waitForSelector('.live-status:has-text("En direct")');
    const row = page.locator(`tr#c-7`);
    const before = await row.locator('.rate-text').textContent();
    const marker = await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = Math.random()));
    const res = await mutate(t, 'reportActivityProgress', {
      commitmentId: `${PLAN}.7`,
      activityId: `${PLAN}.7.3`,
      progress: 100,
      note: 'portail en ligne',
    });
    expect(res.errors).toBeUndefined();
    await page.waitForFunction(
      (p) => document.querySelector('tr#c-7')?.getAttribute('data-position') === p,
      res.data.reportActivityProgress.position,
    );
    expect(await row.locator('.rate-text').textContent()).not.toBe(before);
    expect(await row.getAttribute('class')).toContain('changed');
    // Same document: no reload happened.
    expect(await page.evaluate(() => (window as unknown as { __marker: number }).__marker)).toBe(marker);
    await page.close();
  }, 60_000);

  it('no page raised a script error or logged one', () => {
    expect(scriptErrors).toEqual([]);
  });
});
