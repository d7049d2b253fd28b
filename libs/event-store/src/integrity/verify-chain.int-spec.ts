import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../embedded/sqlite-event-store';
import type { EventRow } from '../embedded/sqlite-schema';
import type { EventStore, NewEvent } from '../event-store.port';
import { GENESIS_HASH, readIntegrity, sealEvent } from './event-hash';
import { verifyChain } from './verify-chain';

const at = '2024-03-01T10:00:00.000Z';
const ev = (type: string, data: Record<string, unknown>, actor = 'lead-42'): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: { schemaVersion: 1, actor, role: 'lead', commandId: randomUUID(), recordedAt: at, effectiveAt: at },
});

/**
 * A realistic log with a known layout: positions 1–6 sequential (6 = progress 60), then a burst of
 * concurrent appends on four streams (group-committed together, one conflict among them).
 */
async function seed(store: EventStore): Promise<void> {
  await store.append(
    'plan-ma',
    [ev('PlanDefined', { planId: 'ma', title: 'Morocco 2018–2020' }), ev('CommitmentAdded', { commitmentId: 'ma.1' })],
    'no_stream',
  );
  await store.append(
    'commitment-ma.1',
    [ev('CommitmentDefined', { title: 'Open budget data' }), ev('MilestonePlanned', { milestoneId: 'm1' })],
    'no_stream',
  );
  await store.append('plan-ma', [ev('CommitmentAdded', { commitmentId: 'ma.2' })], 1n);
  await store.append('commitment-ma.1', [ev('MilestoneProgressRecorded', { milestoneId: 'm1', progress: 60 })], 1n);
  const burst = ['commitment-ma.2', 'commitment-ma.3', 'access-ma', 'comments-ma'].map(async (stream, s) => {
    let revision: bigint | 'no_stream' = 'no_stream';
    for (let i = 0; i < 5; i++)
      revision = (await store.append(stream, [ev('Noted', { s, i, note: `update ${i}` }, `user-${s}`)], revision)).nextRevision;
  });
  const conflict = Promise.allSettled(
    [0, 1].map(() => store.append('commitment-ma.1', [ev('MilestoneProgressRecorded', { milestoneId: 'm1', progress: 80 })], 2n)),
  );
  await Promise.all([...burst, conflict]);
}

describe('verifyChain on the embedded store (tampering through a second SQLite handle)', () => {
  let dir: string;
  let file: string;
  let store: SqliteEventStore;
  let raw: Database.Database;
  const verify = (options?: Parameters<typeof verifyChain>[1]) => verifyChain(store.readAll(), options);

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-chain-'));
    file = join(dir, 'ledger.sqlite');
    store = new SqliteEventStore({ file });
    await seed(store);
    raw = new Database(file);
    raw.pragma('busy_timeout = 5000');
  });
  afterEach(async () => {
    raw.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const count = () => Number(raw.prepare('SELECT count(*) FROM events').pluck().get());
  const last = () => Number(raw.prepare('SELECT max(position) FROM events').pluck().get());

  it('verifies the untouched log, and reports its head for anchoring', async () => {
    expect(count()).toBe(27);
    const result = await verify();
    expect(result).toMatchObject({ ok: true, checkedEvents: 27, head: { position: '27' } });
    const [head] = await collect(store.readAll({ direction: 'backwards', fromPosition: 'end', maxCount: 1 }));
    expect(result.head?.hash).toBe(readIntegrity(head.metadata)?.hash);
    expect(readIntegrity((await collect(store.readAll({ maxCount: 1 })))[0].metadata)).toMatchObject({
      prevHash: GENESIS_HASH,
      streamPrevHash: GENESIS_HASH,
    });
  });

  it('stays chained when two connections (as two processes would) append to one file concurrently', async () => {
    const other = new SqliteEventStore({ file });
    try {
      await Promise.all(
        [store, other].map(async (s, w) => {
          for (let i = 0; i < 30; i++) await s.append(`writer-${w}-${i % 3}`, [ev('Noted', { w, i })], 'any');
        }),
      );
    } finally {
      await other.close();
    }
    expect(await verify()).toMatchObject({ ok: true, checkedEvents: 87 });
  });

  it('(a) detects one changed byte in the data of one event', async () => {
    expect(raw.prepare(`UPDATE events SET data = replace(data, '"progress":60', '"progress":90') WHERE position = 6`).run().changes).toBe(
      1,
    );
    const result = await verify();
    expect(result).toMatchObject({ ok: false, checkedEvents: 5, firstBrokenPosition: '6' });
    expect(result.reason).toMatch(/^event at position 6: content hash mismatch — expected [0-9a-f]{64}, found [0-9a-f]{64}/);
    expect(result.expected).not.toBe(result.found);
  });

  it('(b) detects a deleted row in the middle, at the event after it', async () => {
    raw.prepare('DELETE FROM events WHERE position = 4').run();
    const result = await verify();
    expect(result).toMatchObject({ ok: false, firstBrokenPosition: '5' });
    expect(result.reason).toContain('prevHash does not match the hash of the event before it (position 3)');
  });

  it('(c) detects two swapped rows, distant or adjacent', async () => {
    swapRows(raw, 3, 12);
    expect(await verify()).toMatchObject({ ok: false, firstBrokenPosition: '3', reason: expect.stringContaining('prevHash') });
    swapRows(raw, 3, 12);
    expect(await verify()).toMatchObject({ ok: true });
    swapRows(raw, 8, 9);
    expect(await verify()).toMatchObject({ ok: false, firstBrokenPosition: '8' });
  });

  it('(d) detects a changed actor in the metadata', async () => {
    raw.prepare(`UPDATE events SET metadata = json_set(metadata, '$.actor', 'mallory') WHERE position = 11`).run();
    expect(await verify()).toMatchObject({
      ok: false,
      firstBrokenPosition: '11',
      reason: expect.stringContaining('content hash mismatch'),
    });
  });

  it('detects a changed created time, and a stripped integrity field', async () => {
    raw.prepare('UPDATE events SET created = created - 86400000 WHERE position = 9').run();
    expect(await verify()).toMatchObject({ ok: false, firstBrokenPosition: '9' });
    raw.prepare('UPDATE events SET created = created + 86400000 WHERE position = 9').run();
    raw.prepare(`UPDATE events SET metadata = json_remove(metadata, '$.integrity') WHERE position = 2`).run();
    expect(await verify()).toMatchObject({
      ok: false,
      firstBrokenPosition: '2',
      reason: expect.stringContaining('no valid integrity metadata'),
    });
  });

  it('cannot see a removed tail by the chain alone; a recorded head can', async () => {
    const anchor = (await verify()).head!;
    raw.prepare('DELETE FROM events WHERE position >= 26').run();
    expect(await verify()).toMatchObject({ ok: true, checkedEvents: 25 });
    const truncated = await verify({ expectedHead: anchor });
    expect(truncated).toMatchObject({ ok: false, firstBrokenPosition: '27', expected: anchor.hash, found: 'no event' });
    expect(truncated.reason).toContain('removed from the end');
    // New appends link to the new (shorter) head, so the gap is only visible against the anchor.
    await store.append('plan-ma', [ev('CommitmentAdded', { commitmentId: 'ma.3' })], 'any');
    expect(await verify()).toMatchObject({ ok: true });
    expect(await verify({ expectedHead: anchor })).toMatchObject({
      ok: false,
      firstBrokenPosition: '27',
      reason: expect.stringContaining('skips to position 28'),
    });
  });

  it('cannot see an edit re-hashed through to the end by the chain alone; a recorded head can', async () => {
    const anchor = (await verify()).head!;
    rehashFrom(raw, 6, (data) => ({ ...data, progress: 100 }));
    expect(await verify()).toMatchObject({ ok: true, checkedEvents: 27 });
    expect(await verify({ expectedHead: anchor })).toMatchObject({
      ok: false,
      firstBrokenPosition: '27',
      reason: expect.stringContaining('rewritten'),
    });
  });

  it('reports rows written before tamper evidence, and restarts the chain after them', async () => {
    raw.prepare('DELETE FROM events').run();
    const insert = raw.prepare('INSERT INTO events (stream, revision, id, type, data, metadata, created) VALUES (?, ?, ?, ?, ?, ?, ?)');
    insert.run('legacy', 0, randomUUID(), 'Old', '{}', '{"actor":"x"}', Date.now());
    await store.append('legacy', [ev('New', {})], 0n);
    const rows = await collect(store.readAll());
    expect(readIntegrity(rows[1].metadata)).toMatchObject({ prevHash: GENESIS_HASH, streamPrevHash: GENESIS_HASH });
    expect(await verify()).toMatchObject({
      ok: false,
      firstBrokenPosition: String(last() - 1),
      reason: expect.stringContaining('no valid integrity'),
    });
  });
});

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const e of it) out.push(e);
  return out;
}

/** Moves every column but the position between two rows (UNIQUE constraints need a detour). */
function swapRows(db: Database.Database, p: number, q: number): void {
  const get = db.prepare('SELECT stream, revision, id, type, data, metadata, created FROM events WHERE position = ?');
  const set = db.prepare(
    'UPDATE events SET stream = @stream, revision = @revision, id = @id, type = @type, data = @data, metadata = @metadata, created = @created WHERE position = @position',
  );
  db.transaction(() => {
    const [a, b] = [get.get(p) as object, get.get(q) as object];
    db.prepare(`UPDATE events SET stream = '~', revision = -1, id = '~' WHERE position = ?`).run(p);
    set.run({ ...a, position: q });
    set.run({ ...b, position: p });
  })();
}

/** What an attacker with write access and this source code can do: edit, then re-hash to the end. */
function rehashFrom(db: Database.Database, from: number, edit: (data: Record<string, unknown>) => Record<string, unknown>): void {
  const rows = db.prepare('SELECT * FROM events ORDER BY position').all() as EventRow[];
  const update = db.prepare('UPDATE events SET data = ?, metadata = ? WHERE position = ?');
  const streams = new Map<string, string>();
  let prevHash = GENESIS_HASH;
  for (const row of rows) {
    let data = JSON.parse(row.data) as Record<string, unknown>;
    const metadata = JSON.parse(row.metadata) as Record<string, unknown>;
    let hash = readIntegrity(metadata)!.hash;
    if (Number(row.position) >= from) {
      if (Number(row.position) === from) data = edit(data);
      const event = {
        stream: row.stream,
        revision: BigInt(row.revision),
        id: row.id,
        type: row.type,
        data,
        metadata,
        created: new Date(row.created),
      };
      const sealed = sealEvent(event, { prevHash, streamPrevHash: streams.get(row.stream) ?? GENESIS_HASH });
      update.run(JSON.stringify(data), JSON.stringify(sealed.metadata), row.position);
      hash = sealed.hash;
    }
    prevHash = hash;
    streams.set(row.stream, hash);
  }
}
