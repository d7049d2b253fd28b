import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { describeRealServer, eventStoreContract, startEsdbDouble, waitFor, type EsdbDouble } from '@ledger/testing';
import type { EventStore, NewEvent, RecordedEvent } from '../event-store.port';
import { EsdbEventStore } from './esdb-event-store';

// Shared doubles: every contract test uses its own streams. The second one models servers before
// 23.10, which send no CaughtUp, so the adapter's head-position fallback gets exercised too.
let double: EsdbDouble;
let oldServer: EsdbDouble;
beforeAll(async () => {
  [double, oldServer] = await Promise.all([startEsdbDouble(), startEsdbDouble({ sendCaughtUp: false })]);
});
afterAll(async () => {
  await Promise.all([double?.stop(), oldServer?.stop()]);
});

eventStoreContract({ name: 'EventStoreDB (gRPC test double)', create: async () => new EsdbEventStore(double.connectionString) });
eventStoreContract({
  name: 'EventStoreDB < 23.10 (double without CaughtUp)',
  create: async () => new EsdbEventStore(oldServer.connectionString),
});

// Streams are unique per test (random UUIDs), so the contract passes again on a server that keeps earlier runs.
describeRealServer('EventStoreDB (real server)', (real) =>
  eventStoreContract({ name: 'EventStoreDB (real server)', create: async () => new EsdbEventStore(real) }),
);

const ev = (type = 'Thing'): NewEvent => ({ id: randomUUID(), type, data: { n: 1 }, metadata: { actor: 'test' } });
const stream = () => `esdb-${randomUUID()}`;
async function collect(it: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const e of it) out.push(e);
  return out;
}
const systemEvent = () => ({
  id: randomUUID(),
  type: '$statsCollected',
  contentType: 'application/json',
  customMetadata: new Uint8Array(),
  data: Buffer.from('{}'),
});

describe('EsdbEventStore specifics (through the double)', () => {
  let store: EventStore;
  beforeEach(() => {
    store = new EsdbEventStore(double.connectionString, { appendTimeoutMs: 1000 });
  });
  afterEach(async () => {
    await store.close();
  });

  it('rejects a replay that only partly overlaps the stream, and replays `any` appends idempotently', async () => {
    const s = stream();
    const [a, b] = [ev(), ev()];
    await store.append(s, [a], 'no_stream');
    await expect(store.append(s, [a, b], 'no_stream')).rejects.toMatchObject({
      code: 'CONCURRENCY_CONFLICT',
      details: expect.objectContaining({ currentRevision: 0 }),
    });
    const first = await store.append(s, [b], 'any');
    expect(await store.append(s, [b], 'any')).toEqual(first);
    await expect(store.append(stream(), [ev()], 'stream_exists')).rejects.toMatchObject({
      details: expect.objectContaining({ currentRevision: -1 }),
    });
  });

  it('hides system events from readAll and headPosition, and reads $all backwards inclusively', async () => {
    const s = stream();
    const written = await store.append(s, [ev('A'), ev('B')], 'no_stream');
    double.log.append('$stats-127.0.0.1:2113', 'any', [systemEvent()]);
    expect(await store.headPosition()).toBe(written.position);
    const back = await collect(store.readAll({ direction: 'backwards', fromPosition: written.position, maxCount: 2 }));
    expect(back.map((e) => e.type)).toEqual(['B', 'A']);
    expect((await collect(store.readAll())).some((e) => e.stream.startsWith('$'))).toBe(false);
    const [read] = await collect(store.readStream(s, { maxCount: 1 }));
    // `created` is the server's record time (sent as 100 ns ticks), to the millisecond.
    expect(read.created.getTime()).toBe(double.log.stream(s)![0].createdMs);
  });

  it('pages through $all beyond one page', async () => {
    const s = stream();
    for (let i = 0; i < 3; i++)
      await store.append(
        s,
        Array.from({ length: 400 }, () => ev()),
        'any',
      );
    const mine = (await collect(store.readAll())).filter((e) => e.stream === s);
    expect(mine.map((e) => e.revision)).toEqual(Array.from({ length: 1200 }, (_, i) => BigInt(i)));
  });
});

describe('EsdbEventStore when the server goes away', () => {
  it('fails appends and subscriptions with STORE_UNAVAILABLE, then works again after a restart', async () => {
    const own = await startEsdbDouble();
    const store = new EsdbEventStore(own.connectionString, { appendTimeoutMs: 1000 });
    try {
      const s = stream();
      await store.append(s, [ev()], 'no_stream');
      let failure: unknown;
      let caughtUp = false;
      store.subscribeToAll({}, { onEvent: () => undefined, onCaughtUp: () => (caughtUp = true), onError: (e) => (failure = e) });
      await waitFor(() => caughtUp);
      await own.stop();
      await waitFor(() => failure !== undefined);
      expect(failure).toMatchObject({ code: 'STORE_UNAVAILABLE' });
      await expect(store.append(s, [ev()], 0n)).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
      await own.restart();
      await expect(store.append(s, [ev()], 0n)).resolves.toMatchObject({ nextRevision: 1n });
    } finally {
      await store.close();
      await own.stop();
    }
  });

  it('gives up on an append to a server that never answers', async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    const store = new EsdbEventStore(`esdb://127.0.0.1:${port}?tls=false`, { appendTimeoutMs: 300 });
    try {
      // Bounded by the adapter's own deadline (the client's capability probe has none): without it
      // this would wait for the test's timeout.
      await expect(store.append(stream(), [ev()], 'any')).rejects.toMatchObject({
        code: 'STORE_UNAVAILABLE',
        message: expect.stringContaining('did not answer within'),
      });
    } finally {
      await store.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
