import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { buildWebApp, CHROMIUM, launchBrowser } from '../support/browser';
import { mutate } from '../support/ledger-fixtures';
import { removeDir, startTestApp } from '../support/test-app';
import { machine, percentile } from './measure';

/**
 * `npm run bench` (web part): the overview's JavaScript size (gzip), its first render in Chromium,
 * and the time from a mutation to its update on an open page (live), over many writes.
 * Prints a Markdown section for BENCHMARKS.md. Not part of `npm test`.
 */
const PLAN = 'ma-2018-2020';
const LOADS = Number(process.env.BENCH_WEB_LOADS ?? 20);
const WRITES = Number(process.env.BENCH_WEB_WRITES ?? 100);
const out = (line: string) => process.stdout.write(`${line}\n`);
const ms = (v: number) => `${v.toFixed(0)} ms`;
const median = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );

async function main(): Promise<void> {
  const webDir = buildWebApp();
  const t = await startTestApp({ sample: true, env: { LEDGER_WEB_DIR: webDir, LEDGER_LOG: 'silent' } });
  const browser = await launchBrowser();
  try {
    await t.app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
    out(`## (f) Web pages, ${new Date().toISOString()}`);
    out(`Machine: ${machine()}; browser ${CHROMIUM}`);
    out('');

    // What a page loads: its script and the chunks it preloads (the workspaces have their own chunk).
    const loaded = async (path: string, ext: string) => {
      const html = await (await fetch(base + path)).text();
      const files = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+)"/g)].map((m) => m[1]).filter((f) => f.endsWith(ext));
      return files.reduce(
        (acc, f) => {
          const body = readFileSync(join(webDir, 'assets', f));
          return { raw: acc.raw + body.length, gz: acc.gz + gzipSync(body, { level: 9 }).length };
        },
        { raw: 0, gz: 0 },
      );
    };
    const js = await loaded('/plan/ma-2018-2020', '.js');
    const css = await loaded('/plan/ma-2018-2020', '.css');
    const workspace = await loaded('/workspace/lead', '.js');
    out(
      `JavaScript of the overview: ${(js.raw / 1024).toFixed(1)} KiB, **${(js.gz / 1024).toFixed(1)} KiB gzipped** (budget 60); CSS ${(css.gz / 1024).toFixed(1)} KiB gzipped. A workspace page: ${(workspace.gz / 1024).toFixed(1)} KiB of JavaScript gzipped.`,
    );
    out('');

    // First render: a fresh context each time (empty cache), as a first visit.
    const loads: Array<Record<string, number>> = [];
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${base}/plan/${PLAN}`);
      await page.waitForSelector('html[data-enhanced="true"]', { state: 'attached' });
      loads.push(
        await page.evaluate(() => {
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
          return { ttfb: nav.responseStart, fcp, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, enhanced: performance.now() };
        }),
      );
      await context.close();
    }
    out(`Overview (\`/plan/${PLAN}\`, 18 commitments), first visit, median of ${LOADS} loads:`);
    out('');
    out('| server answer (TTFB) | first contentful paint | DOMContentLoaded | load | hydrated (script ran) |');
    out('| --- | --- | --- | --- | --- |');
    out(`| ${['ttfb', 'fcp', 'dcl', 'load', 'enhanced'].map((k) => ms(median(loads.map((l) => l[k])))).join(' | ')} |`);
    out('');

    // Live: a write sent here, seen on an open page (its row's data-position changes).
    const context = await browser.newContext();
    const page: Page = await context.newPage();
    await page.goto(`${base}/plan/${PLAN}`);
    await page.waitForSelector('.live-status:has-text("En direct")');
    await page.evaluate(() => {
      const seen = new Map<string, number>();
      (window as unknown as { __seen: Map<string, number> }).__seen = seen;
      new MutationObserver(() => {
        const p = document.querySelector('tr#c-7')?.getAttribute('data-position');
        if (p && !seen.has(p)) seen.set(p, Date.now());
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-position'] });
    });
    const latencies: number[] = [];
    for (let i = 0; i < WRITES; i++) {
      const sent = Date.now();
      const res = await mutate(t, 'reportActivityProgress', { commitmentId: `${PLAN}.7`, activityId: `${PLAN}.7.3`, progress: i % 100 });
      if (res.errors) throw new Error(res.errors[0].message);
      const position: string = res.data.reportActivityProgress.position;
      const handle = await page.waitForFunction((p) => (window as unknown as { __seen: Map<string, number> }).__seen.get(p), position);
      latencies.push(((await handle.jsonValue()) as number) - sent);
    }
    await context.close();
    const sorted = [...latencies].sort((a, b) => a - b);
    out(`Mutation → update on an open page (WebSocket, same machine), ${WRITES} writes one after another:`);
    out('');
    out('| p50 | p90 | p99 | max |');
    out('| --- | --- | --- | --- |');
    out(`| ${[50, 90, 99, 100].map((p) => ms(percentile(sorted, p))).join(' | ')} |`);
  } finally {
    await browser.close();
    await t.stop();
    removeDir(webDir);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
