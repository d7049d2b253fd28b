import { createWriteStream, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import Database from 'better-sqlite3';
import { writeExport } from '../../apps/cli/src/commands/export.command';
import { SqliteEventStore } from '@ledger/event-store';
import { LedgerReadModel, LogEventContent } from '@ledger/projections';
import { NestFactory } from '@nestjs/core';
import { LedgerModule, loadConfig, ProjectionRunner, ReadModelService } from '@ledger/core';
import { rate, timed } from './measure';

/** (a) Cold rebuild of all read models from the embedded store, next to raw iteration of the same rows. */
export async function rebuildBench(dataDir: string, file: string, events: number): Promise<string[]> {
  const db = new Database(file, { readonly: true });
  const raw = await timed(() => {
    let n = 0;
    for (const _row of db.prepare('SELECT * FROM events ORDER BY position').iterate()) n++;
    return n;
  });
  const parsed = await timed(() => {
    let n = 0;
    for (const row of db.prepare('SELECT * FROM events ORDER BY position').iterate() as Iterable<{ data: string; metadata: string }>) {
      JSON.parse(row.data);
      JSON.parse(row.metadata);
      n++;
    }
    return n;
  });
  db.close();

  const exported = await exportBench(file);
  const store = new SqliteEventStore({ file });
  // The floor of any rebuild here: the catch-up's own reads (rows → events, data parsed), no projection.
  const read = await timed(() => {
    let n = 0;
    let position = 0n;
    for (;;) {
      const page = store.readAfter(position, 4096);
      n += page.length;
      if (page.length < 4096) return n;
      position = page[page.length - 1].position;
    }
  });
  const direct = await timed(
    () =>
      new Promise<number>((resolve, reject) => {
        // As the app holds them on this store: texts read back from the log by position.
        const model = new LedgerReadModel({ content: new LogEventContent((position) => store.contentAt(position)) });
        model.history.reserve(events); // as the app's runner does with the store's count (eventsAfter)
        let n = 0;
        const sub = store.subscribeToAll(
          {},
          {
            onEvent: (e) => {
              model.apply(e);
              n++;
            },
            onCaughtUp: () => void sub.stop().then(() => resolve(n)),
            onError: reject,
          },
        );
      }),
  );
  await store.close();

  const app = await NestFactory.createApplicationContext(
    // A cold rebuild: the snapshot in the data dir (for (h)) is not read.
    LedgerModule.forRoot({ config: loadConfig({ LEDGER_DATA_DIR: dataDir, LEDGER_SAMPLE: 'off', LEDGER_SNAPSHOTS: 'off' }) }),
    { logger: false },
  );
  const nest = await timed(async () => {
    await app.init();
    await app.get(ProjectionRunner).caughtUp;
    return app.get(ReadModelService).position;
  });
  const rssAfterBoot = process.memoryUsage().rss;
  await app.close();

  return [
    `| raw better-sqlite3 iterate() of the rows | ${raw.value.toLocaleString('en-US')} | ${(raw.ms / 1000).toFixed(2)} s | ${rate(raw.value, raw.ms)} | 100 % |`,
    `| iterate + JSON.parse(data, metadata) | ${parsed.value.toLocaleString('en-US')} | ${(parsed.ms / 1000).toFixed(2)} s | ${rate(parsed.value, parsed.ms)} | ${((raw.ms / parsed.ms) * 100).toFixed(0)} % |`,
    `| the store's catch-up reads alone (rows → events, data parsed; no projection) | ${read.value.toLocaleString('en-US')} | ${(read.ms / 1000).toFixed(2)} s | ${rate(read.value, read.ms)} | ${((raw.ms / read.ms) * 100).toFixed(0)} % |`,
    `| store subscription → all read models (no Nest) | ${direct.value.toLocaleString('en-US')} | ${(direct.ms / 1000).toFixed(2)} s | ${rate(direct.value, direct.ms)} | ${((raw.ms / direct.ms) * 100).toFixed(0)} % |`,
    `| app boot: subscription → EventBus → projection handlers, until caught up | ${events.toLocaleString('en-US')} | ${(nest.ms / 1000).toFixed(2)} s | ${rate(events, nest.ms)} | ${((raw.ms / nest.ms) * 100).toFixed(0)} % |`,
    '',
    `Export (\`ledger export --format jsonl\` path) of all ${exported.count.toLocaleString('en-US')} events to a file: ${(exported.ms / 1000).toFixed(1)} s, ${(exported.bytes / 2 ** 20).toFixed(0)} MiB written, process RSS ${exported.rssStart} MiB before → at most ${exported.rssMax} MiB during (streamed, constant memory).`,
    '',
    `Process RSS after the app boot (read models + the time-travel index), in this process after the rows above: ${(rssAfterBoot / 2 ** 20).toFixed(0)} MiB (each boot in its own process: (h)). Time travel: \`test/bench/time-travel.bench.ts\`.`,
  ];
}

/** Streams the whole log to a file (the CLI export path) while sampling the process RSS. */
async function exportBench(file: string): Promise<{ count: number; ms: number; bytes: number; rssStart: number; rssMax: number }> {
  const mib = () => Math.round(process.memoryUsage().rss / 2 ** 20);
  (globalThis as { gc?: () => void }).gc?.();
  const rssStart = mib();
  let rssMax = rssStart;
  const sampler = setInterval(() => (rssMax = Math.max(rssMax, mib())), 50);
  const target = `${file}.export.jsonl`;
  const store = new SqliteEventStore({ file });
  const out = createWriteStream(target);
  const run = await timed(() => writeExport(store, out, { format: 'jsonl' }));
  out.end();
  await once(out, 'finish');
  clearInterval(sampler);
  await store.close();
  const bytes = statSync(target).size;
  rmSync(target);
  return { count: run.value, ms: run.ms, bytes, rssStart, rssMax: Math.max(rssMax, mib()) };
}
