// `npm run bench` (second part): replay through the EventStoreDB adapter next to the bare
// @eventstore/db-client read of the same events, on the gRPC double, in one run.
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { EventStoreDBClient } from '@eventstore/db-client';
import { EsdbEventStore } from '@ledger/event-store';
import { startEsdbDouble } from '@ledger/testing';

const EVENTS = Number(process.env.BENCH_ESDB_EVENTS ?? 200_000);
const TEXT = 'Organisation d’un atelier régional de sensibilisation au profit des associations et des administrations';

async function main(): Promise<void> {
  const double = await startEsdbDouble({ seedSystemEvents: false, runProjections: false });
  const encode = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
  for (let i = 0; i < EVENTS; i++) {
    const commitmentId = `plan-${i % 40}.${i % 25}`;
    const data = {
      commitmentId,
      activityId: `${commitmentId}.${i % 5}`,
      actionId: `${commitmentId}.${i % 5}.x${i}`,
      kind: 'DONE',
      text: TEXT,
      date: 'Mars 2019',
    };
    const metadata = {
      schemaVersion: 1,
      actor: 'lead-42',
      role: 'lead',
      commandId: randomUUID(),
      correlationId: randomUUID(),
      causationId: randomUUID(),
      recordedAt: new Date().toISOString(),
      effectiveAt: '2019-03-31T00:00:00.000Z',
    };
    double.log.append(`commitment-${commitmentId}`, 'any', [
      { id: randomUUID(), type: 'ActionRecorded', contentType: 'application/json', customMetadata: encode(metadata), data: encode(data) },
    ]);
  }
  const client = EventStoreDBClient.connectionString(double.connectionString);
  const time = async (fn: () => Promise<number>) => {
    const started = process.hrtime.bigint();
    const n = await fn();
    return { n, ms: Number(process.hrtime.bigint() - started) / 1e6 };
  };
  // Warm-up: connection, JIT.
  for await (const _ of client.readAll({ maxCount: 1000 })) void _;
  const bare = await time(async () => {
    let n = 0;
    for await (const e of client.readAll({ maxCount: EVENTS + 10, direction: 'forwards', fromPosition: 'start' })) if (e.event) n++;
    return n;
  });
  const store = new EsdbEventStore(double.connectionString);
  const adapterRead = await time(async () => {
    let n = 0;
    for await (const _ of store.readAll()) n++;
    return n;
  });
  const adapterSubscription = await time(
    () =>
      new Promise<number>((resolve, reject) => {
        let n = 0;
        const sub = store.subscribeToAll(
          {},
          { onEvent: () => void n++, onCaughtUp: () => void sub.stop().then(() => resolve(n)), onError: reject },
        );
      }),
  );
  await store.close();
  await client.dispose();
  await double.stop();
  const rate = (r: { n: number; ms: number }) => `${Math.round((r.n / r.ms) * 1000).toLocaleString('en-US')}/s`;
  const out = (s: string) => process.stdout.write(`${s}\n`);
  out('');
  out(
    `(c) EventStoreDB adapter vs bare client, ${EVENTS.toLocaleString('en-US')} events on the gRPC double (${cpus().length} cores, same run)`,
  );
  out('');
  out('| what | events | time | rate | vs bare client |');
  out('| --- | --- | --- | --- | --- |');
  out(
    `| bare @eventstore/db-client readAll | ${bare.n.toLocaleString('en-US')} | ${(bare.ms / 1000).toFixed(2)} s | ${rate(bare)} | 100 % |`,
  );
  out(
    `| adapter readAll (paged, mapped to RecordedEvent) | ${adapterRead.n.toLocaleString('en-US')} | ${(adapterRead.ms / 1000).toFixed(2)} s | ${rate(adapterRead)} | ${((bare.ms / adapterRead.ms) * 100).toFixed(0)} % |`,
  );
  out(
    `| adapter subscribeToAll catch-up (what projections use) | ${adapterSubscription.n.toLocaleString('en-US')} | ${(adapterSubscription.ms / 1000).toFixed(2)} s | ${rate(adapterSubscription)} | ${((bare.ms / adapterSubscription.ms) * 100).toFixed(0)} % |`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
