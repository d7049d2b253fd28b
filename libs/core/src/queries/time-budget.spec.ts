import { randomUUID } from 'node:crypto';
import { InMemoryEventStore } from '@ledger/event-store';
import type { ReadModelService } from '../projections/read-model.service';
import { GetAuditTrail, GetAuditTrailHandler } from './audit-trail.query';
import { withEventLoopTurns } from './time-budget';

async function* count(to: number): AsyncGenerator<number> {
  for (let i = 1; i <= to; i++) yield i;
}

/** Counts what a scan has read when another callback (a health probe, another request) gets a turn. */
function otherCallbacks(seen: () => number, times: number): number[] {
  const ranAt: number[] = [];
  const other = () => {
    ranAt.push(seen());
    if (ranAt.length < times) setImmediate(other);
  };
  setImmediate(other);
  return ranAt;
}

describe('withEventLoopTurns (verifyLedger reads the log through it)', () => {
  it('lets other callbacks run every 1,000 items of a long scan, and passes every item on in order', async () => {
    let seen = 0;
    const othersRanAt = otherCallbacks(() => seen, 2);
    const items: number[] = [];
    for await (const i of withEventLoopTurns(count(2500))) items.push((seen = i));
    expect(othersRanAt).toEqual([999, 1999]);
    expect(items).toEqual(Array.from({ length: 2500 }, (_, i) => i + 1));
  });
});

describe('a long audit scan (totalCount over the whole log)', () => {
  it('lets other callbacks run every 1,000 events it reads', async () => {
    const store = new InMemoryEventStore();
    const events = Array.from({ length: 2500 }, () => ({ id: randomUUID(), type: 'Noted', data: {}, metadata: {} }));
    await store.append('s-1', events, 'no_stream');
    let read = 0;
    const readAll = store.readAll.bind(store);
    store.readAll = async function* (options) {
      for await (const e of readAll(options)) yield ((read = Number(e.position)), e);
    };
    const othersRanAt = otherCallbacks(() => read, 2);
    const handler = new GetAuditTrailHandler(store, {} as ReadModelService);
    const page = await handler.execute(GetAuditTrail.of({}, { first: 1 }, { withTotal: true }));
    expect(page.totalCount).toBe(2500);
    expect(othersRanAt).toEqual([1000, 2000]);
  });
});
