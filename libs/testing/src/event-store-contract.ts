import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent, RecordedEvent } from '@ledger/event-store';

/**
 * The one contract every event-store adapter passes. Call it inside a test file with a factory
 * that returns a fresh, empty store (and a cleanup).
 */
export interface StoreFactory {
  name: string;
  create(): Promise<EventStore>;
  destroy?(store: EventStore): Promise<void>;
}

const ev = (type = 'Thing', data: unknown = { n: 1 }): NewEvent => ({ id: randomUUID(), type, data, metadata: { actor: 'test' } });

async function collect(it: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const e of it) out.push(e);
  return out;
}

function stream(): string {
  return `contract-${randomUUID()}`;
}

export function eventStoreContract(factory: StoreFactory): void {
  describe(`event store contract: ${factory.name}`, () => {
    let store: EventStore;
    beforeEach(async () => {
      store = await factory.create();
    });
    afterEach(async () => {
      if (factory.destroy) await factory.destroy(store);
      else await store.close();
    });

    it('appends to a new stream with no_stream and reads it back in order with data and metadata', async () => {
      const s = stream();
      const events = [ev('A', { a: 1 }), ev('B', { b: 'é' })];
      const result = await store.append(s, events, 'no_stream');
      expect(result.nextRevision).toBe(1n);
      const read = await collect(store.readStream(s));
      expect(read.map((e) => [e.type, e.data, e.revision, e.id])).toEqual([
        ['A', { a: 1 }, 0n, events[0].id],
        ['B', { b: 'é' }, 1n, events[1].id],
      ]);
      expect(read[0].metadata).toMatchObject({ actor: 'test' });
      expect(read[1].position).toBe(result.position);
      expect(read[0].position < read[1].position).toBe(true);
      expect(read[0].created).toBeInstanceOf(Date);
    });

    it('rejects no_stream on an existing stream with CONCURRENCY_CONFLICT and writes nothing', async () => {
      const s = stream();
      await store.append(s, [ev()], 'no_stream');
      await expect(store.append(s, [ev()], 'no_stream')).rejects.toMatchObject({ code: 'CONCURRENCY_CONFLICT' });
      expect(await collect(store.readStream(s))).toHaveLength(1);
    });

    it('accepts an exact expected revision and rejects a stale one, reporting the current revision', async () => {
      const s = stream();
      await store.append(s, [ev(), ev()], 'no_stream');
      await store.append(s, [ev()], 1n);
      const err = await store.append(s, [ev()], 1n).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'CONCURRENCY_CONFLICT', details: expect.objectContaining({ currentRevision: 2 }) });
      expect(await collect(store.readStream(s))).toHaveLength(3);
    });

    it('rejects an exact revision on a stream that does not exist', async () => {
      await expect(store.append(stream(), [ev()], 0n)).rejects.toMatchObject({ code: 'CONCURRENCY_CONFLICT' });
    });

    it('appends with any regardless of the stream state', async () => {
      const s = stream();
      await store.append(s, [ev()], 'any');
      const r = await store.append(s, [ev()], 'any');
      expect(r.nextRevision).toBe(1n);
    });

    it('treats the same event ids after the same expected revision as an idempotent success', async () => {
      const s = stream();
      const events = [ev(), ev()];
      const first = await store.append(s, events, 'no_stream');
      const again = await store.append(s, events, 'no_stream');
      expect(again).toEqual(first);
      expect(await collect(store.readStream(s))).toHaveLength(2);
    });

    it('resolves concurrent appends at one expected revision with exactly one winner', async () => {
      const s = stream();
      await store.append(s, [ev()], 'no_stream');
      const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => store.append(s, [ev()], 0n)));
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toMatchObject({ code: 'CONCURRENCY_CONFLICT' });
      expect(await collect(store.readStream(s))).toHaveLength(2);
    });

    it('reads a missing stream as empty', async () => {
      expect(await collect(store.readStream(stream()))).toEqual([]);
    });

    it('reads a stream backwards from the end and forwards from a revision with maxCount', async () => {
      const s = stream();
      await store.append(s, [ev('A'), ev('B'), ev('C'), ev('D')], 'no_stream');
      const back = await collect(store.readStream(s, { direction: 'backwards', fromRevision: 'end', maxCount: 2 }));
      expect(back.map((e) => e.type)).toEqual(['D', 'C']);
      const fwd = await collect(store.readStream(s, { fromRevision: 1n, maxCount: 2 }));
      expect(fwd.map((e) => e.type)).toEqual(['B', 'C']);
    });

    it('reads all events in log order from a position, forwards and backwards', async () => {
      const s1 = stream();
      const s2 = stream();
      await store.append(s1, [ev('A')], 'no_stream');
      const b = await store.append(s2, [ev('B')], 'no_stream');
      await store.append(s1, [ev('C')], 0n);
      const mine = (es: RecordedEvent[]) => es.filter((e) => e.stream === s1 || e.stream === s2).map((e) => e.type);
      expect(mine(await collect(store.readAll()))).toEqual(['A', 'B', 'C']);
      expect(mine(await collect(store.readAll({ fromPosition: b.position })))).toEqual(['B', 'C']);
      expect(mine(await collect(store.readAll({ direction: 'backwards', fromPosition: 'end' })))).toEqual(['C', 'B', 'A']);
      expect(await store.headPosition()).toBeGreaterThanOrEqual(b.position);
    });

    it('subscribes to all from an exclusive position: catches up, signals caught-up, then delivers live events in order', async () => {
      const s = stream();
      const first = await store.append(s, [ev('A')], 'no_stream');
      await store.append(s, [ev('B')], 0n);
      const seen: string[] = [];
      let caughtUpAfter = -1;
      let resolveLive: () => void;
      const live = new Promise<void>((r) => (resolveLive = r));
      const sub = store.subscribeToAll(
        { fromPosition: first.position },
        {
          onEvent: (e) => {
            if (e.stream !== s) return;
            seen.push(e.type);
            if (e.type === 'D') resolveLive();
          },
          onCaughtUp: () => {
            caughtUpAfter = seen.length;
          },
        },
      );
      await waitFor(() => caughtUpAfter >= 0);
      expect(seen).toEqual(['B']);
      await store.append(s, [ev('C'), ev('D')], 1n);
      await live;
      await sub.stop();
      expect(seen).toEqual(['B', 'C', 'D']);
      expect(caughtUpAfter).toBe(1);
    });

    it('awaits an async handler before delivering the next event', async () => {
      const s = stream();
      await store.append(s, [ev('A'), ev('B'), ev('C')], 'no_stream');
      const order: string[] = [];
      let caughtUp = false;
      const sub = store.subscribeToAll(
        {},
        {
          onEvent: async (e) => {
            if (e.stream !== s) return;
            order.push(`start ${e.type}`);
            await new Promise((r) => setTimeout(r, 5));
            order.push(`end ${e.type}`);
          },
          onCaughtUp: () => (caughtUp = true),
        },
      );
      await waitFor(() => caughtUp);
      await sub.stop();
      expect(order).toEqual(['start A', 'end A', 'start B', 'end B', 'start C', 'end C']);
    });

    it('ends the subscription and reports when a handler throws, without skipping the event', async () => {
      const s = stream();
      await store.append(s, [ev('A'), ev('Bad'), ev('C')], 'no_stream');
      const seen: string[] = [];
      let failure: Error | undefined;
      const sub = store.subscribeToAll(
        {},
        {
          onEvent: (e) => {
            if (e.stream !== s) return;
            if (e.type === 'Bad') throw new Error('boom');
            seen.push(e.type);
          },
          onError: (err) => (failure = err),
        },
      );
      await waitFor(() => failure !== undefined);
      await sub.stop();
      expect(failure?.message).toContain('boom');
      expect(seen).toEqual(['A']);
    });
  });
}

/** Waits for a condition (never for a clock); the bound only turns a hang into a failure. */
export async function waitFor(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
