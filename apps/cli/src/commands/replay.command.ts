import type { EventStore } from '@ledger/event-store';
import { LedgerReadModel, readModelDigests, type ReadModelDigest } from '@ledger/projections';
import { loadConfig, createEventStore } from '@ledger/core';

interface LiveStatus {
  position: string;
  models: ReadModelDigest[];
}

/** The store the server would use, from the same settings. */
export const openStore = (): EventStore => createEventStore(loadConfig());

async function liveStatus(url: string): Promise<LiveStatus> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ readModelStatus { position models { name digest entries } } }' }),
  });
  const body = (await response.json()) as { data?: { readModelStatus: LiveStatus }; errors?: Array<{ message: string }> };
  if (!body.data) throw new Error(`${url}: ${body.errors?.map((e) => e.message).join('; ') ?? response.statusText}`);
  return body.data.readModelStatus;
}

/**
 * `ledger replay --verify`: rebuilds every read model from the log in this fresh process, up to the
 * position the live server reflects, and compares their digests with the live ones.
 */
export async function replayCommand(options: { verify?: boolean; url: string }): Promise<number> {
  let live: LiveStatus | undefined;
  if (options.verify) {
    try {
      live = await liveStatus(options.url);
    } catch (error) {
      process.stderr.write(
        `cannot read the live read models at ${options.url} (${(error as Error).message}); start the server or pass --url\n`,
      );
      return 2;
    }
  }
  const store = openStore();
  const model = new LedgerReadModel();
  const until = live ? BigInt(live.position) : undefined;
  const started = Date.now();
  let count = 0;
  try {
    for await (const event of store.readAll()) {
      if (until !== undefined && event.position > until) break;
      model.apply(event);
      count++;
    }
  } finally {
    await store.close();
  }
  const fresh = readModelDigests(model);
  process.stdout.write(`replayed ${count} events to position ${model.position} in ${Date.now() - started} ms\n`);
  if (!live) {
    for (const d of fresh) process.stdout.write(`  ${d.name}: ${d.entries} entries, ${d.digest}\n`);
    return 0;
  }
  const differing = fresh.filter((d) => live.models.find((m) => m.name === d.name)?.digest !== d.digest);
  if (differing.length === 0) {
    process.stdout.write(
      `OK: ${fresh.map((d) => `${d.name} ${d.digest.slice(0, 12)}`).join(', ')} equal the live read models at position ${live.position}\n`,
    );
    return 0;
  }
  for (const d of differing) {
    const l = live.models.find((m) => m.name === d.name);
    process.stdout.write(
      `DIFFERS: ${d.name}: replay ${d.digest} (${d.entries} entries) vs live ${l?.digest ?? 'missing'} (${l?.entries ?? 0} entries)\n`,
    );
  }
  return 1;
}
