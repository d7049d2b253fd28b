import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandsBench } from './commands.bench';
import { generateLedger } from './generate-ledger';
import { machine, timed } from './measure';
import { rebuildBench } from './rebuild.bench';
import { eventLoopBench } from './event-loop.bench';

/** `npm run bench`: prints a Markdown section for BENCHMARKS.md. Not part of `npm test`. */
async function main(): Promise<void> {
  const events = Number(process.env.BENCH_EVENTS ?? 1_000_000);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-'));
  try {
    out(`## Run of ${new Date().toISOString()}`);
    out(`Machine: ${machine()}`);
    out('');
    const file = join(dir, 'rebuild', 'ledger.sqlite');
    const gen = await timed(() => generateLedger(file, events));
    out(
      `(a) Cold rebuild: ${gen.value.events.toLocaleString('en-US')} generated events on ${gen.value.commitments} commitments (generated in ${(gen.ms / 1000).toFixed(1)} s)`,
    );
    out('');
    out('| what | events | time | rate | vs raw iterate |');
    out('| --- | --- | --- | --- | --- |');
    for (const line of await rebuildBench(join(dir, 'rebuild'), file, gen.value.events)) out(line);
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
