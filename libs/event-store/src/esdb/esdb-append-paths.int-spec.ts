import { randomUUID } from 'node:crypto';
import { EventStoreDBClient, jsonEvent, DeadlineExceededError } from '@eventstore/db-client';
import { eventStoreContract, startEsdbDouble, type EsdbDouble } from '@ledger/testing';
import type { NewEvent, RecordedEvent } from '../event-store.port';
import { OUTCOME_UNKNOWN } from './esdb-errors';
import { EsdbEventStore } from './esdb-event-store';

// Both append paths of @eventstore/db-client 6.x: BatchAppend, which it takes whenever the server
// advertises it (every server since 21.10), and the classic Append for servers that do not.
const paths = [
  { name: 'BatchAppend', batchAppend: true, counter: 'batchAppend' as const },
  { name: 'classic Append', batchAppend: false, counter: 'append' as const },
];

const ev = (n = 1): NewEvent => ({ id: randomUUID(), type: 'Thing', data: { n }, metadata: { actor: 'test' } });
const stream = () => `paths-${randomUUID()}`;
async function collect(it: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const e of it) out.push(e);
  return out;
}

describe.each(paths)('EsdbEventStore appends through $name', ({ batchAppend, counter }) => {
  let double: EsdbDouble;
  let store: EsdbEventStore;
  beforeAll(async () => {
    double = await startEsdbDouble({ batchAppend });
  });
  afterAll(async () => {
    await double.stop();
  });
  beforeEach(() => {
    store = new EsdbEventStore(double.connectionString, { appendTimeoutMs: 1000 });
  });
  afterEach(async () => {
    await store.close();
  });

  it('takes the path the server advertises', async () => {
    const before = { ...double.appends };
    await store.append(stream(), [ev()], 'no_stream');
    expect(double.appends[counter]).toBe(before[counter] + 1);
    const other = counter === 'append' ? 'batchAppend' : 'append';
    expect(double.appends[other]).toBe(before[other]);
  });

  it('maps a wrong expected version to CONCURRENCY_CONFLICT with the current revision', async () => {
    const s = stream();
    await store.append(s, [ev(), ev()], 'no_stream');
    await expect(store.append(s, [ev()], 0n)).rejects.toMatchObject({
      code: 'CONCURRENCY_CONFLICT',
      details: expect.objectContaining({ currentRevision: 1 }),
    });
    await expect(store.append(s, [ev()], 'no_stream')).rejects.toMatchObject({ code: 'CONCURRENCY_CONFLICT' });
  });

  it('reports a lost reply as STORE_UNAVAILABLE with an unknown outcome; the same append again succeeds once, writing nothing twice', async () => {
    const s = stream();
    const first = await store.append(s, [ev()], 'no_stream');
    const events = [ev(2), ev(3)];
    double.faults.loseReplies = 1;
    const lost = await store.append(s, events, first.nextRevision).catch((e: unknown) => e);
    expect(lost).toMatchObject({ code: 'STORE_UNAVAILABLE', message: expect.stringContaining(OUTCOME_UNKNOWN) });
    // It was written all the same: the server has both events.
    expect(double.log.stream(s)?.map((e) => e.id)).toEqual([expect.any(String), events[0].id, events[1].id]);
    const retried = await store.append(s, events, first.nextRevision);
    expect(retried.nextRevision).toBe(2n);
    expect(retried.position).toBe(double.log.stream(s)![2].position);
    expect((await collect(store.readStream(s))).map((e) => e.id)).toEqual([expect.any(String), events[0].id, events[1].id]);
  });

  it('reports a commit timeout as STORE_UNAVAILABLE with an unknown outcome', async () => {
    const s = stream();
    double.faults.timeoutCommits = 1;
    const events = [ev()];
    await expect(store.append(s, events, 'no_stream')).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
      message: expect.stringContaining(OUTCOME_UNKNOWN),
    });
    await expect(store.append(s, events, 'no_stream')).resolves.toMatchObject({ nextRevision: 0n });
    expect(double.log.stream(s)).toHaveLength(1);
  });

  it('follows a NotLeader answer to the leader it names, writing once', async () => {
    const follower = await startEsdbDouble({ batchAppend, log: double.log });
    follower.faults.notLeader = { host: '127.0.0.1', port: double.port };
    const onFollower = new EsdbEventStore(follower.connectionString, { appendTimeoutMs: 2000 });
    try {
      const s = stream();
      const before = double.appends[counter];
      await expect(onFollower.append(s, [ev()], 'no_stream')).resolves.toMatchObject({ nextRevision: 0n });
      expect(follower.appends[counter]).toBe(1); // refused there
      expect(double.appends[counter]).toBe(before + 1); // written here
      expect(double.log.stream(s)).toHaveLength(1);
      // The client stays on the leader.
      await onFollower.append(s, [ev()], 0n);
      expect(follower.appends[counter]).toBe(1);
    } finally {
      await onFollower.close();
      await follower.stop();
    }
  });
});

eventStoreContract({
  name: 'EventStoreDB through the classic Append (double advertising no BatchAppend)',
  create: async () => new EsdbEventStore(classic.connectionString),
});
let classic: EsdbDouble;
beforeAll(async () => {
  classic = await startEsdbDouble({ batchAppend: false });
});
afterAll(async () => {
  await classic.stop();
});

describe('the double as EventStoreDB serves BatchAppend (bare client)', () => {
  it('answers a batch whose deadline has passed with Timeout, which the client maps to DeadlineExceededError, and writes nothing', async () => {
    const double = await startEsdbDouble();
    const client = EventStoreDBClient.connectionString(double.connectionString);
    try {
      const s = stream();
      const error = await client.appendToStream(s, jsonEvent({ type: 'Thing', data: {} }), { deadline: 0 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DeadlineExceededError);
      expect(double.log.stream(s)).toBeUndefined();
    } finally {
      await client.dispose();
      await double.stop();
    }
  });

  it('remembers only the last ids for `any` appends: within the window a replay is idempotent, beyond it the events are written again', async () => {
    const double = await startEsdbDouble({ dedupeWindow: 4 });
    const store = new EsdbEventStore(double.connectionString);
    try {
      const s = stream();
      const e = ev();
      await store.append(s, [e], 'any');
      await store.append(s, [e], 'any');
      expect(double.log.stream(s)).toHaveLength(1);
      for (let i = 0; i < 4; i++) await store.append(stream(), [ev()], 'any');
      await store.append(s, [e], 'any');
      expect(double.log.stream(s)?.map((x) => x.id)).toEqual([e.id, e.id]);
      // Exact revisions are checked against the stream itself: idempotent whatever the window.
      const x = stream();
      const exact = [ev()];
      await store.append(x, exact, 'no_stream');
      for (let i = 0; i < 8; i++) await store.append(stream(), [ev()], 'any');
      await expect(store.append(x, exact, 'no_stream')).resolves.toMatchObject({ nextRevision: 0n });
      expect(double.log.stream(x)).toHaveLength(1);
    } finally {
      await store.close();
      await double.stop();
    }
  });
});
