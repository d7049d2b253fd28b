import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, TokenService } from '@ledger/core';
import { PLAN_SUBSCRIPTION } from '../../libs/web-ui/src/queries';
import { machine, percentile } from './measure';
import { postLoad, type LoadResult } from './reads/http-load';
import { fanOut } from './reads/live-fanout';
import { buildApi, startApp, startPeer, type BenchServer } from './reads/servers';
import { DASHBOARD_QUERY } from './reads/dashboard-query';

/**
 * `npm run bench` (reads, issue 13): the dashboard's plan query under load, the built app next to a
 * bare Fastify + Mercurius + JIT server and a plain Fastify route answering the same JSON, in the
 * same run (each server in its own process, autocannon in this one); then 1,000 WebSocket
 * subscribers on one plan and the time a write takes to reach each of them.
 * BENCH_READS_SECONDS, BENCH_READS_CONNECTIONS, BENCH_LIVE_SUBSCRIBERS, BENCH_LIVE_WRITES change the
 * sizes; BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the app under the load (`--cpu-prof`).
 */
const PLAN = 'ma-2018-2020';
const SECONDS = Number(process.env.BENCH_READS_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_READS_CONNECTIONS ?? 32);
const SUBSCRIBERS = Number(process.env.BENCH_LIVE_SUBSCRIBERS ?? 1000);
const WRITES = Number(process.env.BENCH_LIVE_WRITES ?? 20);
const SECRET = 'bench-secret-0123456789abcdef-0123456789abcdef';

const out = (line: string) => process.stdout.write(`${line}\n`);
const ms = (v: number) => `${v.toFixed(v < 10 ? 1 : 0)} ms`;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');

async function post(base: string, body: unknown, token?: string): Promise<string> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status !== 200 || text.includes('"errors"')) throw new Error(`${base}: HTTP ${res.status} ${text.slice(0, 500)}`);
  return text;
}

async function measure(server: BenchServer, body: string, expectBody: string): Promise<LoadResult> {
  try {
    // Warm-up (JIT compilation of the query, V8 optimisation), then the measured run.
    await postLoad(`${server.base}/graphql`, body, { connections: CONNECTIONS, seconds: 3, expectBody });
    return await postLoad(`${server.base}/graphql`, body, { connections: CONNECTIONS, seconds: SECONDS, expectBody });
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-reads-'));
  const profile = process.env.BENCH_CPU_PROF;
  const appArgs = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
  const env = {
    LEDGER_JWT_SECRET: SECRET,
    LEDGER_LOG: 'silent',
    // Documented settings, not holes: one load generator on 127.0.0.1 stands for many clients.
    LEDGER_RATE_LIMIT_PER_MINUTE: '100000000',
    LEDGER_WS_MAX_PER_IP: String(SUBSCRIBERS + 10),
  };
  try {
    buildApi();
    out(`## (g) Public reads and live fan-out, ${new Date().toISOString()}`);
    out(`Machine: ${machine()}; load average before: ${load()}`);
    out('');
    const body = JSON.stringify({ query: DASHBOARD_QUERY });

    // The app's answer is what the peers serve: the same bytes, checked on every response.
    const app = await startApp(join(dir, 'app'), env, appArgs);
    const answer = await post(app.base, { query: DASHBOARD_QUERY });
    const answerFile = join(dir, 'answer.json');
    writeFileSync(answerFile, answer);
    const rows: Array<[string, LoadResult]> = [];
    rows.push(['the app (built, embedded store, bundled plan; every limit on)', await measure(app, body, answer)]);
    rows.push([
      'peer: bare Fastify + Mercurius + JIT, same query shape and JSON',
      await measure(await startPeer('mercurius', answerFile), body, answer),
    ]);
    rows.push(['peer: plain Fastify route, same JSON', await measure(await startPeer('route', answerFile), body, answer)]);
    const bare = rows[1][1].reqPerSec;
    out(
      `Dashboard plan query (README's, anonymous: axes, 18 commitments, 79 activities), ${CONNECTIONS} connections, ${SECONDS} s each after 3 s of warm-up, autocannon 9:`,
    );
    out('');
    out('| server | req/s | vs bare Mercurius | p50 | p99 | max | failures |');
    out('| --- | --- | --- | --- | --- | --- | --- |');
    for (const [label, r] of rows)
      out(
        `| ${label} | ${Math.round(r.reqPerSec).toLocaleString('en-US')} | ${Math.round((r.reqPerSec / bare) * 100)} % | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.failures} |`,
      );
    out('');

    // Live fan-out on a fresh app (a clean log: the read runs wrote nothing, but start equal).
    const live = await startApp(join(dir, 'live'), env, appArgs);
    try {
      const tokens = new TokenService(loadConfig({ LEDGER_JWT_SECRET: SECRET, LEDGER_DATA_DIR: dir }));
      const token = await tokens.issue({ sub: 'bench-coordinator', name: 'Bench', roles: ['coordinator'] });
      const mutation = `mutation($input: ReportActivityProgressInput!) { reportActivityProgress(input: $input) { position } }`;
      const result = await fanOut({
        wsUrl: `${live.base.replace('http', 'ws')}/graphql`,
        subscribers: SUBSCRIBERS,
        subscription: { query: PLAN_SUBSCRIPTION, variables: { id: PLAN } },
        writes: WRITES,
        write: async (i) => {
          const input = { commitmentId: `${PLAN}.7`, activityId: `${PLAN}.7.3`, progress: (i + 101) % 100 };
          const text = await post(live.base, { query: mutation, variables: { input } }, token);
          return (JSON.parse(text) as { data: { reportActivityProgress: { position: string } } }).data.reportActivityProgress.position;
        },
        positionOf: (m) =>
          (m as { payload?: { data?: { planUpdated?: { lastPosition?: string } } } }).payload?.data?.planUpdated?.lastPosition,
      });
      const sorted = [...result.latencies].sort((a, b) => a - b);
      const whole = [...result.lastOfWrite].sort((a, b) => a - b);
      out(
        `Live fan-out: ${SUBSCRIBERS.toLocaleString('en-US')} WebSocket subscribers (graphql-transport-ws, the dashboard's own \`planUpdated\` selection) on one plan, ${WRITES} writes one after another (connected in ${(result.connectMs / 1000).toFixed(1)} s):`,
      );
      out('');
      out('| write → each subscriber has it | p50 | p99 | max | until the last subscriber, median of writes |');
      out('| --- | --- | --- | --- | --- |');
      out(
        `| ${sorted.length.toLocaleString('en-US')} deliveries | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 99))} | ${ms(sorted[sorted.length - 1])} | ${ms(percentile(whole, 50))} |`,
      );
    } finally {
      await live.stop();
    }
    out('');
    out(`Load average after: ${load()}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
