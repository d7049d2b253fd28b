import 'reflect-metadata';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandsBench } from './commands.bench';
import { LedgerGenerator } from './generate-ledger';
import { loadAverage as load, machine, timed } from './measure';
import { rebuildBench } from './rebuild.bench';
import { eventLoopBench } from './event-loop.bench';
import { buildApi } from './reads/servers';
import { describeSnapshotWrite, restartBench, takeSnapshot } from './restart/restart.bench';

/** `npm run bench`: prints a Markdown section for BENCHMARKS.md. Not part of `npm test`. */
async function main(): Promise<void> {
  const events = Number(process.env.BENCH_EVENTS ?? 1_000_000);
  // Events written after the snapshot the restarts start from.
  const tail = Number(process.env.BENCH_TAIL ?? 10_000);
  const rounds = Number(process.env.BENCH_RESTART_ROUNDS ?? 3);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-'));
  try {
    out(`## Run of ${new Date().toISOString()}`);
    out(`Machine: ${machine()}; load average at the start ${load()}`);
    out('');
    const ledgerDir = join(dir, 'rebuild');
    mkdirSync(ledgerDir);
    const file = join(ledgerDir, 'ledger.sqlite');
    const kept = join(dir, 'kept.snapshot');
    // The ledger up to the snapshot, the built app's snapshot of it, then the tail after it.
    const generator = new LedgerGenerator(file);
    const gen = await timed(() => generator.writeUntil(events - tail));
    buildApi();
    const snapshotWrite = await takeSnapshot(ledgerDir, kept);
    gen.ms += (await timed(() => generator.writeUntil(events))).ms;
    generator.close();
    out(
      `(a) Cold rebuild: ${generator.written.toLocaleString('en-US')} generated events on ${generator.commitmentCount} commitments (generated in ${(gen.ms / 1000).toFixed(1)} s)`,
    );
    out('');
    out('| what | events | time | rate | vs raw iterate |');
    out('| --- | --- | --- | --- | --- |');
    for (const line of await rebuildBench(ledgerDir, file, generator.written)) out(line);
    out('');
    out(`(h) Restart (issue 13): the built app on the same ledger, ${rounds} rounds taking turns; load average now ${load()}`);
    out('');
    for (const line of await restartBench(ledgerDir, kept, generator.written, rounds)) out(line);
    out('');
    out(describeSnapshotWrite(snapshotWrite));
    out('');
    out('(b) Durable commands through the command bus');
    out('');
    out('| what | commands | time | rate | latency |');
    out('| --- | --- | --- | --- | --- |');
    for (const line of await commandsBench(join(dir, 'commands'))) out(line);
    out('');
    out('(d) The event loop under the heaviest queries the cost budget allows (docs/adr/0009)');
    out('');
    out('| query (anonymous, bundled plan) | time | event-loop delay p50 · p99 · max | /health/live answers during · slowest |');
    out('| --- | --- | --- | --- |');
    for (const line of await eventLoopBench(join(dir, 'event-loop'))) out(line);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
