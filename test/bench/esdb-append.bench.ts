// `npm run bench` (third part): appends through the EventStoreDB adapter next to the bare
// @eventstore/db-client append of the same events, on the gRPC double, in one run — through
// BatchAppend (what servers since 21.10 advertise) and through the classic Append.
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { BACKWARDS, END, EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import { EsdbEventStore } from '@ledger/event-store';
import { startEsdbDouble } from '@ledger/testing';

const APPENDS = Number(process.env.BENCH_ESDB_APPENDS ?? 4000);
const STREAMS = 100;
/** Appends in flight at once, each on its own stream (as concurrent commands on different aggregates). */
const IN_FLIGHT = 8;
const TEXT = 'Organisation d’un atelier régional de sensibilisation au profit des associations et des administrations';

const data = (i: number) => ({ commitmentId: `ma.${i % 18}`, activityId: `ma.${i % 18}.1`, kind: 'DONE', text: TEXT, date: 'Mars 2019' });
const metadata = () => ({
  schemaVersion: 1,
  actor: 'lead-42',
  role: 'lead',
  commandId: randomUUID(),
  recordedAt: new Date().toISOString(),
});

/** Runs `append(stream, expectedRevision, i)` APPENDS times over STREAMS streams, IN_FLIGHT at a time; ms. */
async function run(append: (stream: string, expected: bigint | 'no_stream', i: number) => Promise<void>): Promise<number> {
  const prefix = `bench-${randomUUID()}`;
  const revision = new Map<string, bigint>();
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async (_, lane) => {
      // Each lane owns its streams, so no two appends race on one stream.
      for (let i = next++; i < APPENDS; i = next++) {
        const stream = `${prefix}-${lane}-${i % (STREAMS / IN_FLIGHT)}`;
        const current = revision.get(stream);
        await append(stream, current ?? 'no_stream', i);
        revision.set(stream, (current ?? -1n) + 1n);
      }
    }),
  );
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function compare(batchAppend: boolean): Promise<string[]> {
  const double = await startEsdbDouble({ seedSystemEvents: false, runProjections: false, batchAppend });
  const client = EventStoreDBClient.connectionString(double.connectionString);
  const store = new EsdbEventStore(double.connectionString);
  try {
    const bareAppend = (stream: string, expected: bigint | 'no_stream', i: number) =>
      client
        .appendToStream(stream, jsonEvent({ type: 'ActionRecorded', data: data(i), metadata: metadata() }), { expectedRevision: expected })
        .then(() => undefined);
    const adapterAppend = (stream: string, expected: bigint | 'no_stream', i: number) =>
      store
        .append(stream, [{ id: randomUUID(), type: 'ActionRecorded', data: data(i), metadata: metadata() }], expected)
        .then(() => undefined);
    // The command handler's path: read the stream's last event (the aggregate load), then append.
    const bareLoadAppend = async (stream: string, expected: bigint | 'no_stream', i: number) => {
      if (expected !== 'no_stream')
        for await (const e of client.readStream(stream, { direction: BACKWARDS, fromRevision: END, maxCount: 1 })) void e;
      await bareAppend(stream, expected, i);
    };
    const adapterLoadAppend = async (stream: string, expected: bigint | 'no_stream', i: number) => {
      if (expected !== 'no_stream') for await (const e of store.readStream(stream, { direction: 'backwards', maxCount: 1 })) void e;
      await adapterAppend(stream, expected, i);
    };
    await run(bareAppend); // warm-up: connection, JIT
    await run(adapterAppend);
    const bare = await run(bareAppend);
    const adapter = await run(adapterAppend);
    const bareLoaded = await run(bareLoadAppend);
    const adapterLoaded = await run(adapterLoadAppend);
    const path = batchAppend ? 'BatchAppend' : 'classic Append';
    const rate = (ms: number) => `${Math.round((APPENDS / ms) * 1000).toLocaleString('en-US')}/s`;
    const row = (what: string, ms: number, base: number) =>
      `| ${what}, ${path} | ${APPENDS.toLocaleString('en-US')} | ${(ms / 1000).toFixed(2)} s | ${rate(ms)} | ${((base / ms) * 100).toFixed(0)} % |`;
    return [
      row('bare client append', bare, bare),
      row('adapter append, cold (reads the head to chain it)', adapter, bare),
      row('bare client: read last event + append', bareLoaded, bareLoaded),
      row("adapter: read last event + append (the command handler's path)", adapterLoaded, bareLoaded),
    ];
  } finally {
    await store.close();
    await client.dispose();
    await double.stop();
  }
}

async function main(): Promise<void> {
  const rows = [...(await compare(true)), ...(await compare(false))];
  const out = (s: string) => process.stdout.write(`${s}\n`);
  out('');
  out(
    `(e) EventStoreDB appends: adapter vs bare client, ${APPENDS.toLocaleString('en-US')} one-event appends over ${STREAMS} streams, ${IN_FLIGHT} in flight, gRPC double (${cpus().length} cores, same run)`,
  );
  out('');
  out('| what | appends | time | rate | vs bare client |');
  out('| --- | --- | --- | --- | --- |');
  for (const row of rows) out(row);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
