import { randomUUID } from 'node:crypto';
import { EventStoreDBClient } from '@eventstore/db-client';
import { startEsdbDouble, waitFor, type EsdbDouble } from '@ledger/testing';
import type { NewEvent, RecordedEvent } from '../event-store.port';
import { readIntegrity } from '../integrity/event-hash';
import { verifyStore } from '../integrity/verify-store';
import { EsdbEventStore } from './esdb-event-store';

// What an EventStoreDB operator can do to a stream and the ledger never does: retention metadata,
// soft delete, tombstone, scavenge. The adapter must neither build on a partial history nor let
// verification call such a log whole.

const ev = (n = 1): NewEvent => ({ id: randomUUID(), type: 'Noted', data: { n }, metadata: { actor: 'test' } });
const stream = () => `history-${randomUUID()}`;
async function collect(it: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const e of it) out.push(e);
  return out;
}

describe('EsdbEventStore on streams whose history the server hides or deletes', () => {
  let double: EsdbDouble;
  let store: EsdbEventStore;
  let client: EventStoreDBClient;
  /** A stream of five chained events (revisions 0–4). */
  async function fiveEvents(): Promise<string> {
    const s = stream();
    let revision = (await store.append(s, [ev(0)], 'no_stream')).nextRevision;
    for (let i = 1; i < 5; i++) revision = (await store.append(s, [ev(i)], revision)).nextRevision;
    return s;
  }
  beforeEach(async () => {
    double = await startEsdbDouble();
    store = new EsdbEventStore(double.connectionString, { appendTimeoutMs: 2000 });
    client = EventStoreDBClient.connectionString(double.connectionString);
  });
  afterEach(async () => {
    await client.dispose();
    await store.close();
    await double.stop();
  });

  it('refuses to load a stream truncated by $maxCount instead of returning its tail as the whole', async () => {
    const s = await fiveEvents();
    await client.setStreamMetadata(s, { maxCount: 2 });
    await expect(collect(store.readStream(s))).rejects.toMatchObject({
      code: 'ILLEGAL_STATE',
      message: expect.stringContaining('the first readable one is 3'),
      details: expect.objectContaining({ stream: s, reason: 'HISTORY_HIDDEN' }),
    });
  });

  it('refuses an append whose predecessor has expired ($maxAge) instead of linking it to genesis', async () => {
    const s = await fiveEvents();
    await client.setStreamMetadata(s, { maxAge: 60 });
    const now = double.log.now;
    double.log.now = () => now() + 120_000; // two minutes later
    const fresh = new EsdbEventStore(double.connectionString); // no stream head cached
    try {
      await expect(fresh.append(s, [ev(5)], 4n)).rejects.toMatchObject({
        code: 'ILLEGAL_STATE',
        details: expect.objectContaining({ reason: 'HISTORY_HIDDEN' }),
      });
      await expect(collect(fresh.readStream(s))).rejects.toMatchObject({
        message: expect.stringContaining('none of its events is readable'),
      });
    } finally {
      await fresh.close();
    }
    expect(double.log.stream(s)).toHaveLength(5);
  });

  it('refuses to create a stream over a soft-deleted one (which EventStoreDB would continue at its old revision)', async () => {
    const s = await fiveEvents();
    await client.deleteStream(s);
    expect(await collect(store.readStream(s))).toEqual([]);
    await expect(store.append(s, [ev()], 'no_stream')).rejects.toMatchObject({
      code: 'ILLEGAL_STATE',
      details: expect.objectContaining({ reason: 'HISTORY_HIDDEN' }),
    });
    expect(double.log.stream(s)).toHaveLength(5);
  });

  it('reports a tombstoned stream as deleted, on reads and appends', async () => {
    const s = await fiveEvents();
    await client.tombstoneStream(s);
    const deleted = { code: 'ILLEGAL_STATE', details: expect.objectContaining({ stream: s, reason: 'STREAM_DELETED' }) };
    await expect(collect(store.readStream(s))).rejects.toMatchObject(deleted);
    await expect(store.append(s, [ev()], 4n)).rejects.toMatchObject(deleted);
  });

  it('verification names every stream whose history the server hides, though the chain in $all still verifies', async () => {
    const [kept, truncated, soft, tomb] = [await fiveEvents(), await fiveEvents(), await fiveEvents(), await fiveEvents()];
    expect(await verifyStore(store)).toMatchObject({ ok: true, checkedEvents: 20 });
    await client.setStreamMetadata(truncated, { truncateBefore: 3 });
    await client.deleteStream(soft);
    await client.tombstoneStream(tomb);
    const result = await verifyStore(store);
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('the hash chain verifies, but') });
    expect(result.hiddenHistory?.map((h) => h.stream).sort()).toEqual([truncated, soft, tomb].sort());
    expect(result.hiddenHistory?.find((h) => h.stream === tomb)?.reason).toContain('tombstone');
    expect(result.hiddenHistory?.find((h) => h.stream === soft)?.reason).toContain('soft-deleted');
    expect(result.hiddenHistory?.find((h) => h.stream === truncated)?.reason).toContain('"$truncateBefore":3');
    expect(result.reason).not.toContain(kept);
  });

  it('after a scavenge, verification reports the missing first events of a truncated stream', async () => {
    const s = await fiveEvents();
    await client.setStreamMetadata(s, { truncateBefore: 3 });
    double.log.scavenge();
    const result = await verifyStore(store);
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining(`stream "${s}" starts at revision 3 instead of 0`) });
    expect(result.reason).toContain('"$truncateBefore":3');
  });
});

describe('EsdbEventStore on events that share a commit position (legacy explicit transactions)', () => {
  it('refuses to read on, in reads and in subscriptions, rather than skip or repeat events', async () => {
    const double = await startEsdbDouble();
    const store = new EsdbEventStore(double.connectionString);
    try {
      const before = await store.append(stream(), [ev()], 'no_stream');
      const legacy = stream();
      const sealed = { ...ev(), metadata: { integrity: { streamPrevHash: '0'.repeat(64), hash: '1'.repeat(64) } } };
      const raw = (e: NewEvent) => ({
        id: e.id,
        type: e.type,
        contentType: 'application/json',
        customMetadata: Buffer.from(JSON.stringify(e.metadata)),
        data: Buffer.from(JSON.stringify(e.data)),
      });
      double.log.append(legacy, 'no_stream', [raw(sealed), raw(ev(2))], true);
      const [first, second] = double.log.stream(legacy)!;
      expect(first.position).toBe(second.position);
      expect(first.prepare).not.toBe(second.prepare);
      const shared = { code: 'ILLEGAL_STATE', details: expect.objectContaining({ reason: 'SHARED_POSITION', stream: legacy }) };
      await expect(collect(store.readAll())).rejects.toMatchObject(shared);
      let failure: unknown;
      const seen: string[] = [];
      const sub = store.subscribeToAll({}, { onEvent: (e) => void seen.push(e.stream), onError: (e) => (failure = e) });
      await waitFor(() => failure !== undefined);
      await sub.stop();
      expect(failure).toMatchObject(shared);
      expect(seen).not.toContain(legacy);
      expect(readIntegrity(sealed.metadata)).toBeDefined();
      expect(before.position).toBeLessThan(first.position);
    } finally {
      await store.close();
      await double.stop();
    }
  });
});
