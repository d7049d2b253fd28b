// `npm run bench` (time travel): rateHistory of the bundled plan, plan/commitment asOf on the
// generated 1 M-event ledger, and the time-travel index's memory. Run with --expose-gc.
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import {
  CommitmentsProjection,
  LedgerReadModel,
  planView,
  PlansProjection,
  rateHistory,
  sampleInstants,
  TimeTravelIndex,
  type PlanView,
  type ProjectedEvent,
} from '@ledger/projections';
import { generateLedger } from './generate-ledger';
import { machine, percentile, timed } from './measure';
import { bundledPlanEvents } from './bundled-plan-events';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const out = (line: string) => process.stdout.write(`${line}\n`);
const gc = () => (globalThis as { gc?: () => void }).gc?.();
/** JS heap plus array buffers (the index's typed arrays live outside the heap). */
const heap = (): number => {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

async function sample(runs: number, fn: (i: number) => unknown): Promise<string> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) ms.push((await timed(() => fn(i))).ms);
  ms.sort((a, b) => a - b);
  return `${runs} | ${percentile(ms, 50).toFixed(2)} ms | ${percentile(ms, 95).toFixed(2)} ms | ${ms[ms.length - 1].toFixed(2)} ms`;
}

/**
 * The peer in the same run: what time travel did before ADR 0007 — fold the plan's events
 * effective by `at` (held in memory, as the old per-stream history cache did) into fresh read models.
 */
function foldAsOf(events: readonly ProjectedEvent[], planId: string, at: number): PlanView | undefined {
  const plans = new PlansProjection();
  const commitments = new CommitmentsProjection();
  for (const e of events) {
    if (Date.parse(String(e.metadata.effectiveAt)) > at) continue;
    const id = (e.data as { commitmentId?: string }).commitmentId;
    if (e.stream.startsWith('commitment-') && e.type !== 'CommitmentRegistered' && !commitments.get(id!)) continue;
    plans.apply(e);
    commitments.apply(e);
  }
  const plan = plans.get(planId);
  return plan && planView(plan, commitments.ofPlan(planId));
}

async function bundledPlan(): Promise<string[]> {
  const model = new LedgerReadModel();
  const events = bundledPlanEvents();
  for (const e of events) model.apply(e);
  const planId = 'ma-2018-2020';
  const daily = { planId, from: '2018-01-01T23:59:59.999Z', to: '2020-09-26T23:59:59.999Z', interval: 'day' as const };
  if (rateHistory(model, daily).length !== 1000) throw new Error('expected 1,000 daily points');
  const points = sampleInstants(Date.parse(daily.from), Date.parse(daily.to), 'day')!;
  const at = (i: number) => Date.parse('2018-03-01') + (i % 1000) * 86_400_000;
  // One after the other: `timed` awaits, so interleaved samples would time each other.
  const d = await sample(200, () => rateHistory(model, daily));
  const dOld = await sample(3, () => points.map((t) => foldAsOf(events, planId, t)?.implementationRate ?? 0));
  const m = await sample(200, () => rateHistory(model, { planId }));
  const p = await sample(200, (i) => model.planAsOf(planId, { effectiveAt: new Date(at(i)).toISOString() }));
  const pOld = await sample(200, (i) => foldAsOf(events, planId, at(i)));
  return [
    `Bundled plan (${events.length} events, 79 activities):`,
    '',
    '| query | runs | p50 | p95 | max |',
    '| --- | --- | --- | --- | --- |',
    `| rateHistory(interval: day), 1,000 points | ${d} |`,
    `| peer: the same 1,000 points, one fold per point (before ADR 0007) | ${dOld} |`,
    `| rateHistory() — default window (the plan's period by month, 36 points) | ${m} |`,
    `| plan(id, asOf: {effectiveAt}) | ${p} |`,
    `| peer: plan as of a date by folding its events (before ADR 0007) | ${pOld} |`,
  ];
}

/** Feeds every event of the store to `apply`, in log order. */
function replay(store: SqliteEventStore, apply: (e: ProjectedEvent) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    let n = 0;
    const sub = store.subscribeToAll(
      {},
      {
        onEvent: (e) => {
          apply(e);
          n++;
        },
        onCaughtUp: () => void sub.stop().then(() => resolve(n)),
        onError: reject,
      },
    );
  });
}

async function generated(dir: string): Promise<string[]> {
  const file = join(dir, 'ledger.sqlite');
  const gen = generateLedger(file, EVENTS);
  const store = new SqliteEventStore({ file });
  const base = heap();
  let index: TimeTravelIndex | undefined = new TimeTravelIndex();
  const indexOnly = await timed(() => replay(store, (e) => index!.apply(e)));
  const indexBytes = heap() - base;
  index = undefined;
  const beforeModel = heap();
  const model = new LedgerReadModel();
  const full = await timed(() => replay(store, (e) => model.apply(e)));
  const modelBytes = heap() - beforeModel;
  // Only for the peer: the events of 4 plans, in memory as the old history cache held them.
  const planEvents = new Map<string, ProjectedEvent[]>();
  for (let p = 0; p < 4; p++) {
    const events: ProjectedEvent[] = [];
    for (const stream of [`plan-plan-${p}`, ...Array.from({ length: 25 }, (_, n) => `commitment-plan-${p}.${n + 1}`)]) {
      for await (const e of store.readStream(stream)) events.push(e);
    }
    planEvents.set(
      `plan-${p}`,
      events.sort((a, b) => (a.position < b.position ? -1 : 1)),
    );
  }
  await store.close();
  const day = (i: number) => new Date(Date.parse('2018-07-01T00:00:00Z') + ((i * 7919) % 700) * 86_400_000).toISOString();
  const known = (i: number) => new Date(Date.parse(day(i)) + ((i * 31) % 60) * 86_400_000).toISOString();
  const perPlan = Math.round(gen.events / 40).toLocaleString('en-US');
  const mib = (b: number) => (b / 2 ** 20).toFixed(0);
  return [
    `Generated ledger: ${gen.events.toLocaleString('en-US')} events, 40 plans × 25 commitments × 5 activities (~${perPlan} events per plan).`,
    '',
    `Memory (JS heap + array buffers after GC): the time-travel index alone ${mib(indexBytes)} MiB = ${Math.round(indexBytes / full.value)} bytes/event (built in ${(indexOnly.ms / 1000).toFixed(1)} s); all read models with the index ${mib(modelBytes)} MiB = ${Math.round(modelBytes / full.value)} bytes/event (built in ${(full.ms / 1000).toFixed(1)} s).`,
    '',
    '| query | runs | p50 | p95 | max |',
    '| --- | --- | --- | --- | --- |',
    `| plan(id, asOf: {effectiveAt}) — 25 commitments, 125 activities | ${await sample(400, (i) => model.planAsOf(`plan-${i % 40}`, { effectiveAt: day(i) }))} |`,
    `| peer: the same by folding the plan's events (before ADR 0007) | ${await sample(40, (i) => foldAsOf(planEvents.get(`plan-${i % 4}`)!, `plan-${i % 4}`, Date.parse(day(i))))} |`,
    `| plan(id, asOf: {effectiveAt, knownAt}) | ${await sample(400, (i) => model.planAsOf(`plan-${i % 40}`, { effectiveAt: day(i), knownAt: known(i) }))} |`,
    `| plan(id, asOf: {position}) | ${await sample(400, (i) => model.planAsOf(`plan-${i % 40}`, { position: BigInt(1 + ((i * 104729) % gen.events)) }))} |`,
    `| commitment(id, asOf: {effectiveAt}) | ${await sample(400, (i) => model.commitmentAsOf(`plan-${i % 40}.${1 + (i % 25)}`, { effectiveAt: day(i) }))} |`,
    `| rateHistory(interval: day), 1,000 points of one plan | ${await sample(20, (i) => rateHistory(model, { planId: `plan-${i % 40}`, from: '2018-07-01T23:59:59.999Z', to: '2021-03-26T23:59:59.999Z', interval: 'day' }))} |`,
  ];
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-tt-'));
  try {
    out('');
    out(`(d) Time travel (${machine()})`);
    out('');
    for (const line of await bundledPlan()) out(line);
    out('');
    for (const line of await generated(dir)) out(line);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
