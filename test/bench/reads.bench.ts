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
 * BENCH_READS_SECONDS, BENCH_READS_ROUNDS, BENCH_READS_CONNECTIONS, BENCH_LIVE_SUBSCRIBERS, BENCH_LIVE_PROCESSES (the subscribers' processes), BENCH_LIVE_WRITES change the
 * sizes; BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the app under the load (`--cpu-prof`);
 * BENCH_READS_ONLY=query|live runs one of the two parts.
 */
const PLAN = 'ma-2018-2020';
const SECONDS = Number(process.env.BENCH_READS_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_READS_ROUNDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_READS_CONNECTIONS ?? 32);
const SUBSCRIBERS = Number(process.env.BENCH_LIVE_SUBSCRIBERS ?? 1000);
const PROCESSES = Number(process.env.BENCH_LIVE_PROCESSES ?? 2);
const WRITES = Number(process.env.BENCH_LIVE_WRITES ?? 50);
const WARM_UP_WRITES = 5;
const ONLY = process.env.BENCH_READS_ONLY;
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

/** The run with the median throughput of a server's rounds (its latencies come with it). */
const medianRun = (runs: LoadResult[]): LoadResult => [...runs].sort((a, b) => a.reqPerSec - b.reqPerSec)[Math.floor(runs.length / 2)];
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Every server warmed up (JIT compilation of the query, V8 optimisation), then measured in rounds
 * that take turns (app, bare Mercurius, plain route, again…): other work on the shared cores falls
 * on all three alike, and each round's ratio compares runs a few seconds apart.
 */
async function compare(servers: BenchServer[], body: string, expectBody: string): Promise<LoadResult[][]> {
  const url = (s: BenchServer) => `${s.base}/graphql`;
  for (const server of servers) await postLoad(url(server), body, { connections: CONNECTIONS, seconds: 3, expectBody });
  const runs: LoadResult[][] = servers.map(() => []);
  for (let round = 0; round < ROUNDS; round++)
    for (const [i, server] of servers.entries())
      runs[i].push(await postLoad(url(server), body, { connections: CONNECTIONS, seconds: SECONDS, expectBody }));
  return runs;
}

type Env = Record<string, string>;

/** The dashboard query on the app and both peers, rounds taking turns. */
async function dashboard(dir: string, env: Env, appArgs: string[]): Promise<void> {
  const body = JSON.stringify({ query: DASHBOARD_QUERY });

  // The app's answer is what the peers serve: the same bytes, checked on every response.
  const app = await startApp(join(dir, 'app'), env, appArgs);
  const answer = await post(app.base, { query: DASHBOARD_QUERY });
  const answerFile = join(dir, 'answer.json');
  writeFileSync(answerFile, answer);
  const servers = [app, await startPeer('mercurius', answerFile), await startPeer('route', answerFile)];
  let runs: LoadResult[][];
  try {
    runs = await compare(servers, body, answer);
  } finally {
    for (const server of servers) await server.stop();
  }
  const labels = [
    'the app (built, embedded store, bundled plan; every limit on)',
    'peer: bare Fastify + Mercurius + JIT, same query shape and JSON',
    'peer: plain Fastify route, same JSON',
  ];
  out(
    `Dashboard plan query (README's, anonymous: axes, 18 commitments, 79 activities), ${CONNECTIONS} connections, autocannon 9; after 3 s of warm-up each, ${ROUNDS} rounds of ${SECONDS} s taking turns (median round shown):`,
  );
  out('');
  out('| server | req/s | vs bare Mercurius, each round | p50 | p99 | max | failures |');
  out('| --- | --- | --- | --- | --- | --- | --- |');
  for (const [i, label] of labels.entries()) {
    const r = medianRun(runs[i]);
    const ratios = runs[i].map((run, round) => Math.round((run.reqPerSec / runs[1][round].reqPerSec) * 100));
    const failures = runs[i].reduce((n, run) => n + run.failures, 0);
    out(
      `| ${label} | ${Math.round(r.reqPerSec).toLocaleString('en-US')} | **${median(ratios)} %** (${ratios.join(', ')}) | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${failures} |`,
    );
  }
  out('');
}

/** Live fan-out on a fresh app (a clean log: the read runs wrote nothing, but start equal). */
async function liveFanOut(dir: string, env: Env, appArgs: string[]): Promise<void> {
  const live = await startApp(join(dir, 'live'), env, appArgs);
  try {
    const tokens = new TokenService(loadConfig({ LEDGER_JWT_SECRET: SECRET, LEDGER_DATA_DIR: dir }));
    const token = await tokens.issue({ sub: 'bench-coordinator', name: 'Bench', roles: ['coordinator'] });
    const mutation = `mutation($input: ReportActivityProgressInput!) { reportActivityProgress(input: $input) { position } }`;
    const result = await fanOut({
      wsUrl: `${live.base.replace('http', 'ws')}/graphql`,
      subscribers: SUBSCRIBERS,
      processes: PROCESSES,
      subscription: { query: PLAN_SUBSCRIPTION, variables: { id: PLAN } },
      writes: WRITES,
      warmUp: WARM_UP_WRITES,
      serverPid: live.pid,
      write: async (i) => {
        const input = { commitmentId: `${PLAN}.7`, activityId: `${PLAN}.7.3`, progress: (i + 101) % 100 };
        const text = await post(live.base, { query: mutation, variables: { input } }, token);
        return (JSON.parse(text) as { data: { reportActivityProgress: { position: string } } }).data.reportActivityProgress.position;
      },
      positionPath: ['payload', 'data', 'planUpdated', 'lastPosition'],
    });
    const sorted = [...result.latencies].sort((a, b) => a - b);
    const whole = [...result.lastOfWrite].sort((a, b) => a - b);
    out(
      `Live fan-out: ${SUBSCRIBERS.toLocaleString('en-US')} WebSocket subscribers (graphql-transport-ws, the dashboard's own \`planUpdated\` selection) on one plan, in ${PROCESSES} processes of their own (timestamped on receipt), ${WRITES} writes one after another after ${WARM_UP_WRITES} unmeasured ones (connected in ${(result.connectMs / 1000).toFixed(1)} s):`,
    );
    out('');
    out('| write → each subscriber has it | p50 | p99 | max | until the last subscriber, median of writes |');
    out('| --- | --- | --- | --- | --- |');
    out(
      `| ${sorted.length.toLocaleString('en-US')} deliveries | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 99))} | ${ms(sorted[sorted.length - 1])} | ${ms(percentile(whole, 50))} |`,
    );
    out('');
    out(`Until the last subscriber, each write: ${result.lastOfWrite.map((v) => Math.round(v)).join(', ')} ms.`);
    if (result.cpuPerWrite)
      out(
        `CPU time per write (user + system, /proc): the app ${ms(result.cpuPerWrite.server)}, the ${PROCESSES} subscriber processes together ${ms(result.cpuPerWrite.subscribers)}.`,
      );
  } finally {
    await live.stop();
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
    if (ONLY !== 'live') await dashboard(dir, env, appArgs);
    if (ONLY !== 'query') await liveFanOut(dir, env, appArgs);
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
