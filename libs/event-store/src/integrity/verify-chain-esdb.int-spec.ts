import { randomUUID } from 'node:crypto';
import { startEsdbDouble, type EsdbDouble } from '@ledger/testing';
import type { NewEvent, RecordedEvent } from '../event-store.port';
import { EsdbEventStore } from '../esdb/esdb-event-store';
import { GENESIS_HASH, readIntegrity } from './event-hash';
import { verifyChain } from './verify-chain';

const ev = (type: string, data: Record<string, unknown>): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: { actor: 'lead-42', role: 'lead' },
});
async function collect(it: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const e of it) out.push(e);
  return out;
}

describe('verifyChain on EventStoreDB (gRPC test double): stream chain only', () => {
  let double: EsdbDouble;
  let store: EsdbEventStore;
  beforeEach(async () => {
    double = await startEsdbDouble();
    store = new EsdbEventStore(double.connectionString);
    await store.append('plan-ma', [ev('PlanDefined', { planId: 'ma' }), ev('CommitmentAdded', { commitmentId: 'ma.1' })], 'no_stream');
    await store.append('commitment-ma.1', [ev('MilestoneProgressRecorded', { progress: 60 })], 'no_stream');
    // Concurrent writers on several streams, exact revisions (the head is read back, or known from a read).
    await Promise.all(
      ['commitment-ma.2', 'commitment-ma.3', 'plan-ma'].map(async (stream) => {
        let revision = stream === 'plan-ma' ? 1n : (await store.append(stream, [ev('CommitmentDefined', {})], 'no_stream')).nextRevision;
        for (let i = 0; i < 4; i++) revision = (await store.append(stream, [ev('Noted', { i })], revision)).nextRevision;
      }),
    );
    await collect(store.readStream('plan-ma')); // now the adapter knows that head without a read
    await store.append('plan-ma', [ev('CommitmentAdded', { commitmentId: 'ma.4' })], 5n);
  });
  afterEach(async () => {
    await store.close();
    await double.stop();
  });

  it('verifies the log; events carry stream links but no log link', async () => {
    expect(await verifyChain(store.readAll())).toMatchObject({ ok: true, checkedEvents: 18 });
    const events = await collect(store.readAll());
    expect(events.every((e) => readIntegrity(e.metadata) && readIntegrity(e.metadata)?.prevHash === undefined)).toBe(true);
    expect(readIntegrity(events[0].metadata)?.streamPrevHash).toBe(GENESIS_HASH);
  });

  it('reads the stream head to link an exact append, unless a stream read just saw it', async () => {
    const client = (store as unknown as { client: { readStream: (...args: unknown[]) => unknown } }).client;
    const reads = jest.spyOn(client, 'readStream');
    await store.append('commitment-ma.2', [ev('Noted', { i: 9 })], 4n);
    expect(reads).toHaveBeenCalledTimes(1);
    await collect(store.readStream('commitment-ma.3', { fromRevision: 4n }));
    await store.append('commitment-ma.3', [ev('Noted', { i: 9 })], 4n);
    expect(reads).toHaveBeenCalledTimes(2); // the stream read itself, no head read
    expect(await verifyChain(store.readAll())).toMatchObject({ ok: true, checkedEvents: 20 });
  });

  it('detects a changed byte in the stored data', async () => {
    const stored = double.log.all.find((e) => Buffer.from(e.data).toString().includes('"progress":60'))!;
    stored.data = Buffer.from(Buffer.from(stored.data).toString().replace('"progress":60', '"progress":90'));
    expect(await verifyChain(store.readAll())).toMatchObject({
      ok: false,
      firstBrokenPosition: stored.position.toString(),
      reason: expect.stringContaining('content hash mismatch'),
    });
  });

  it('writes `any` appends unsealed (their revision is unknown client-side), and verifyChain says so', async () => {
    const any = await store.append('plan-ma', [ev('CommitmentAdded', { commitmentId: 'ma.9', integrity: 'kept in data' })], 'any');
    const [last] = await collect(store.readStream('plan-ma', { direction: 'backwards', maxCount: 1 }));
    expect(last.metadata).not.toHaveProperty('integrity');
    expect(await verifyChain(store.readAll())).toMatchObject({
      ok: false,
      firstBrokenPosition: any.position.toString(),
      reason: expect.stringContaining('no valid integrity metadata'),
    });
  });
});
