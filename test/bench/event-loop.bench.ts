import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { importSampleIfEmpty, loadConfig, ProjectionRunner } from '@ledger/core';
import { createApp } from '../../apps/api/src/bootstrap';
import { timed } from './measure';

const PLAN = 'ma-2018-2020';
const series = (interval: string, from: string, to: string) =>
  `rateHistory(planId: "${PLAN}", from: "${from}", to: "${to}", interval: ${interval}) { at implementationRate }`;
const aliases = (n: number, field: string, prefix = 'a') => Array.from({ length: n }, (_, i) => `${prefix}${i}: ${field}`).join(' ');

/** The heaviest queries the default cost budget lets an anonymous caller send on the bundled plan. */
const QUERIES: Array<[string, string]> = [
  ['2 aliases × 1,000-point daily rateHistory (≈ 0.97 of the budget)', `{ ${aliases(2, series('day', '2018-01-01', '2020-09-26'))} }`],
  ['30 aliases × 36-point monthly rateHistory', `{ ${aliases(30, series('month', '2018-01-01', '2020-12-31'))} }`],
  [
    '30 aliases × plan(asOf: {effectiveAt}) with every activity',
    `{ ${aliases(30, `plan(id: "${PLAN}", asOf: { effectiveAt: "2019-12-31" }) { commitments { activities { progress } } }`)} }`,
  ],
];

/**
 * (d) The event loop under the heaviest allowed queries: the query's time, the event-loop delay
 * (perf_hooks.monitorEventLoopDelay, 1 ms resolution) while it runs, and how /health/live answered
 * meanwhile (a probe every 20 ms over real HTTP).
 */
export async function eventLoopBench(dataDir: string): Promise<string[]> {
  const app = await createApp(loadConfig({ LEDGER_DATA_DIR: dataDir, LEDGER_SAMPLE: 'off', LEDGER_RATE_LIMIT_PER_MINUTE: '1000000' }));
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const rows: string[] = [];
  try {
    await app.get(ProjectionRunner).caughtUp;
    await importSampleIfEmpty(app);
    for (const [label, query] of QUERIES) {
      const send = (text = query) =>
        fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: text }),
        }).then((r) => r.json() as Promise<{ errors?: Array<{ message: string }> }>);
      // Warmed up (V8, the views) with the same query under other alias names, so the measured
      // document is one the server has not seen: executed, not the anonymous answer kept per
      // position (ADR 0014) — what a caller sending a new document each time gets.
      const warm = await send(query.replace(/\ba(\d+):/g, 'w$1:'));
      if (warm.errors) throw new Error(`${label}: ${warm.errors[0].message}`);
      const histogram = monitorEventLoopDelay({ resolution: 1 });
      const probes: number[] = [];
      let running = true;
      const probe = (async () => {
        while (running) {
          const started = performance.now();
          await fetch(`${base}/health/live`);
          if (running) probes.push(performance.now() - started);
          await new Promise((r) => setTimeout(r, 20));
        }
      })();
      histogram.enable();
      const run = await timed(() => send());
      histogram.disable();
      running = false;
      await probe;
      const ms = (ns: number) => `${(ns / 1e6).toFixed(1)} ms`;
      const maxProbe = probes.length > 0 ? `${probes.reduce((a, b) => Math.max(a, b), 0).toFixed(1)} ms` : '—';
      rows.push(
        `| ${label} | ${(run.ms / 1000).toFixed(2)} s | ${ms(histogram.percentile(50))} · ${ms(histogram.percentile(99))} · ${ms(histogram.max)} | ${probes.length} · max ${maxProbe} |`,
      );
    }
  } finally {
    await app.close();
  }
  return rows;
}

if (require.main === module) {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-loop-'));
  process.env.LEDGER_LOG = 'silent';
  eventLoopBench(dir)
    .then((rows) => {
      process.stdout.write(
        '| query (anonymous, bundled plan) | time | event-loop delay p50 · p99 · max | /health/live answers during · slowest |\n| --- | --- | --- | --- |\n',
      );
      for (const row of rows) process.stdout.write(`${row}\n`);
    })
    .finally(() => rmSync(dir, { recursive: true, force: true }));
}
