import { randomUUID } from 'node:crypto';
import type { NewEvent, RecordedEvent } from '../event-store.port';
import { InMemoryEventStore } from '../memory/in-memory-event-store';
import { GENESIS_HASH, sealEvent, withoutIntegrity } from './event-hash';
import { verifyChain } from './verify-chain';

const ev = (n: number): NewEvent => ({ id: randomUUID(), type: 'Noted', data: { n }, metadata: { actor: 'a' } });

/** Three streams interleaved: a(0) b(0) a(1) c(0) b(1) a(2), positions 1–6. */
async function log(): Promise<RecordedEvent[]> {
  const store = new InMemoryEventStore();
  await store.append('a', [ev(1)], 'no_stream');
  await store.append('b', [ev(2)], 'no_stream');
  await store.append('a', [ev(3)], 0n);
  await store.append('c', [ev(4)], 'no_stream');
  await store.append('b', [ev(5)], 0n);
  await store.append('a', [ev(6)], 1n);
  const out: RecordedEvent[] = [];
  for await (const e of store.readAll()) out.push(e);
  return out;
}

/** Replaces one event and re-seals it over its stored links (a forger fixing the content hash). */
function forge(events: RecordedEvent[], index: number, change: Partial<RecordedEvent>): RecordedEvent[] {
  const copy = [...events];
  const e = { ...events[index], ...change };
  const links = e.metadata.integrity as { prevHash: string; streamPrevHash: string };
  copy[index] = { ...e, metadata: sealEvent(e, links).metadata };
  return copy;
}

describe('verifyChain', () => {
  it('accepts the in-memory store log (sync or async input), and the empty log', async () => {
    const events = await log();
    expect(await verifyChain(events)).toEqual({
      ok: true,
      checkedEvents: 6,
      head: { position: '6', hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect(await verifyChain([])).toEqual({ ok: true, checkedEvents: 0 });
  });

  it('reports a revision gap in a stream, in plain words', async () => {
    const result = await verifyChain(forge(await log(), 2, { revision: 2n }));
    expect(result).toMatchObject({
      ok: false,
      firstBrokenPosition: '3',
      reason: 'event at position 3: stream "a" jumps from revision 0 to 2',
    });
  });

  it('reports a stream link that does not match, when the log link does (re-sealed forgery)', async () => {
    const events = await log();
    const integrity = { ...(events[4].metadata.integrity as object), streamPrevHash: GENESIS_HASH };
    const result = await verifyChain(forge(events, 4, { metadata: { ...events[4].metadata, integrity } }));
    expect(result).toMatchObject({
      ok: false,
      firstBrokenPosition: '5',
      expected: events[1].metadata.integrity && (events[1].metadata.integrity as { hash: string }).hash,
    });
    expect(result.reason).toContain('streamPrevHash of stream "b" does not match the hash of the stream\'s previous event (position 2)');
  });

  it('reports events out of position order, and a stream that starts after revision 0', async () => {
    const events = await log();
    expect(await verifyChain([events[0], events[1], events[1]])).toMatchObject({
      firstBrokenPosition: '2',
      reason: expect.stringContaining('not in log order'),
    });
    const result = await verifyChain(events.slice(1));
    expect(result).toMatchObject({ ok: false, firstBrokenPosition: '2' });
    expect(result.reason).toContain('the genesis (it is the first event read)');
  });

  it('refuses an event without a log link once the log is chained', async () => {
    const events = await log();
    const { prevHash: _dropped, ...streamOnly } = events[3].metadata.integrity as Record<string, string>;
    const stripped = { ...events[3], metadata: { ...withoutIntegrity(events[3].metadata), integrity: streamOnly } };
    const resealed = { ...stripped, metadata: sealEvent(stripped, { streamPrevHash: streamOnly.streamPrevHash }).metadata };
    expect(await verifyChain([...events.slice(0, 3), resealed])).toMatchObject({
      firstBrokenPosition: '4',
      reason: expect.stringContaining('no prevHash'),
    });
  });

  it('checks a recorded head: same hash passes, a different one fails, a later head must exist', async () => {
    const events = await log();
    const head = (await verifyChain(events)).head!;
    expect(await verifyChain(events, { expectedHead: head })).toMatchObject({ ok: true });
    expect(await verifyChain(events, { expectedHead: { position: 3n, hash: head.hash } })).toMatchObject({
      ok: false,
      firstBrokenPosition: '3',
      reason: expect.stringContaining('rewritten'),
    });
    expect(await verifyChain(events.slice(0, 4), { expectedHead: head })).toMatchObject({
      ok: false,
      firstBrokenPosition: '6',
      reason: expect.stringContaining('ends at position 4'),
    });
  });
});
