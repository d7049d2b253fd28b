import { randomUUID } from 'node:crypto';
import { startEsdbDouble, waitFor, type EsdbDouble } from '@ledger/testing';
import type { NewEvent, RecordedEvent, SubscriptionListener } from '../event-store.port';
import { EsdbEventStore } from './esdb-event-store';

// The server side of a $all subscription as EventStoreDB behaves: link events written by its
// system projections, subscriptions it drops, a subscription that falls behind, one that is slow
// to start, and HTTP/2 flow control against a slow consumer.

const ev = (n: number, size = 0): NewEvent => ({ id: randomUUID(), type: 'Noted', data: { n, pad: 'x'.repeat(size) }, metadata: {} });

/** Collects what a subscription delivers; resubscribes from the last position, as the projection runner does. */
function recorder(store: EsdbEventStore) {
  const seen: RecordedEvent[] = [];
  const errors: Error[] = [];
  let caughtUp = 0;
  const listener: SubscriptionListener = {
    onEvent: (e) => void seen.push(e),
    onCaughtUp: () => void caughtUp++,
    onError: (e) => void errors.push(e),
  };
  const from = () => (seen.length > 0 ? seen[seen.length - 1].position : ('start' as const));
  return {
    seen,
    errors,
    caughtUps: () => caughtUp,
    subscribe: () => store.subscribeToAll({ fromPosition: from() }, listener),
  };
}

describe('EsdbEventStore subscriptions against server behaviour', () => {
  let double: EsdbDouble;
  let store: EsdbEventStore;
  beforeEach(async () => {
    double = await startEsdbDouble();
    store = new EsdbEventStore(double.connectionString);
  });
  afterEach(async () => {
    await store.close();
    await double.stop();
  });

  async function write(count: number, stream = `plan-${randomUUID()}`, size = 0): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 50) {
      const batch = Array.from({ length: Math.min(50, count - i) }, (_, j) => ev(i + j, size));
      await store.append(stream, batch, 'any');
      ids.push(...batch.map((e) => e.id));
    }
    return ids;
  }

  it('never hands link events ($ce-, $et-) to the ledger: each event once, in reads, subscriptions and the head position', async () => {
    const ids = [...(await write(3, `plan-${randomUUID()}`)), ...(await write(2, `commitment-${randomUUID()}`))];
    await waitFor(() => double.log.all.filter((e) => e.metadata.get('type') === '$>').length === 10);
    expect(new Set(double.log.all.filter((e) => e.stream.startsWith('$ce-')).map((e) => e.stream))).toEqual(
      new Set(['$ce-plan', '$ce-commitment']),
    );
    const last = double.log.all.findLast((e) => !e.stream.startsWith('$'))!;
    expect(double.log.all.at(-1)!.position).toBeGreaterThan(last.position); // links come after
    const read: string[] = [];
    for await (const e of store.readAll()) read.push(e.id);
    expect(read).toEqual(ids);
    expect(await store.headPosition()).toBe(last.position);
    const sub = recorder(store);
    const s = sub.subscribe();
    await waitFor(() => sub.caughtUps() === 1);
    await s.stop();
    expect(sub.seen.map((e) => e.id)).toEqual(ids);
  });

  it('resubscribing after the server drops a subscription mid catch-up delivers every event exactly once', async () => {
    const ids = await write(300);
    double.faults.dropSubscriptionAfter = 100;
    const sub = recorder(store);
    sub.subscribe();
    await waitFor(() => sub.errors.length === 1);
    expect(sub.errors[0]).toMatchObject({ code: 'STORE_UNAVAILABLE', message: expect.stringContaining('dropped the subscription') });
    expect(sub.seen.length).toBeLessThanOrEqual(100);
    const again = sub.subscribe();
    await waitFor(() => sub.caughtUps() === 1);
    await again.stop();
    expect(sub.seen.map((e) => e.id)).toEqual(ids);
  });

  it('resubscribing after the server drops a live subscription misses nothing written meanwhile', async () => {
    const ids = await write(10);
    const sub = recorder(store);
    sub.subscribe();
    await waitFor(() => sub.caughtUps() === 1 && sub.seen.length === 10);
    double.faults.dropWith = 'unavailable';
    double.faults.dropSubscriptions();
    await waitFor(() => sub.errors.length === 1);
    expect(sub.errors[0]).toMatchObject({ code: 'STORE_UNAVAILABLE' });
    ids.push(...(await write(10)));
    const again = sub.subscribe();
    await waitFor(() => sub.seen.length === 20);
    await again.stop();
    expect(sub.seen.map((e) => e.id)).toEqual(ids);
  });

  it('a subscription that falls behind catches up without a gap or a repeat, and signals caught-up once', async () => {
    const sub = recorder(store);
    const s = sub.subscribe();
    await waitFor(() => sub.caughtUps() === 1);
    const ids = await write(50);
    double.faults.fallBehind();
    ids.push(...(await write(50)));
    await waitFor(() => sub.seen.length >= 100);
    await s.stop();
    expect(sub.seen.map((e) => e.id)).toEqual(ids);
    expect(sub.caughtUps()).toBe(1);
  });

  it('waits for a subscription the server is slow to start, and can be stopped meanwhile', async () => {
    const ids = await write(5);
    double.faults.holdSubscriptions();
    const held = recorder(store);
    const first = held.subscribe();
    await waitFor(() => double.subscriptions.size === 1);
    expect(held.seen).toEqual([]);
    expect(held.caughtUps()).toBe(0);
    await first.stop(); // must not wait for the server
    const sub = recorder(store);
    const second = sub.subscribe();
    await waitFor(() => double.subscriptions.size >= 1);
    double.faults.releaseSubscriptions();
    await waitFor(() => sub.caughtUps() === 1);
    await second.stop();
    expect(sub.seen.map((e) => e.id)).toEqual(ids);
    expect(held.seen).toEqual([]);
  });

  it('stops reading while the listener is busy: the server is held back by flow control, then everything arrives in order', async () => {
    const total = 3000;
    const ids = await write(total, `plan-${randomUUID()}`, 1000);
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const seen: string[] = [];
    const s = store.subscribeToAll(
      {},
      {
        onEvent: (e) => {
          seen.push(e.id);
          return seen.length === 1 ? gate : undefined;
        },
      },
    );
    // The listener holds the first event; wait until the server is blocked and makes no progress.
    const stats = () => [...double.subscriptions][0];
    let last = -1;
    let steady = 0;
    await waitFor(() => {
      const now = stats();
      if (!now?.waitingForDrain || now.sent !== last) {
        last = now?.sent ?? -1;
        steady = 0;
        return now?.sent === total;
      }
      return ++steady >= 20;
    }, 30_000);
    const blockedAt = stats().sent;
    expect(seen).toHaveLength(1);
    // Bounded by the adapter's queue (64) plus the transport's buffers — far from the whole log.
    expect(blockedAt).toBeLessThan(total / 3);
    open();
    await waitFor(() => seen.length === total, 30_000);
    await s.stop();
    expect(seen).toEqual(ids);
  }, 60_000);
});
