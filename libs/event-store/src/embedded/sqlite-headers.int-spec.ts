import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewEvent, RecordedEvent } from '../event-store.port';
import { verifyStore } from '../integrity/verify-store';
import { SqliteEventStore } from './sqlite-event-store';

const metadata = (n: number) => ({
  schemaVersion: 1,
  actor: 'lead-42',
  commandId: `cmd-${n}`,
  recordedAt: `2024-03-0${n}T10:00:00.000Z`,
  effectiveAt: `2024-02-0${n}T00:00:00.000Z`,
});
const ev = (n: number): NewEvent => ({ id: randomUUID(), type: 'Noted', data: { n }, metadata: metadata(n) });

/** Everything the subscription delivers until it is caught up. */
function catchUp(store: SqliteEventStore): Promise<RecordedEvent[]> {
  return new Promise((resolve, reject) => {
    const seen: RecordedEvent[] = [];
    const sub = store.subscribeToAll(
      {},
      { onEvent: (e) => void seen.push(e), onCaughtUp: () => void sub.stop().then(() => resolve(seen)), onError: reject },
    );
  });
}

async function collect(events: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}

describe('embedded store: metadata header columns (what catch-up reads instead of parsing metadata)', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-headers-'));
    file = join(dir, 'ledger.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('delivers on catch-up the same metadata as readAll, with header copies equal to its fields', async () => {
    const store = new SqliteEventStore({ file });
    try {
      await store.append('s-1', [ev(1), ev(2)], 'no_stream');
      const [all, caught] = [await collect(store.readAll()), await catchUp(store)];
      expect(caught.map((e) => e.metadata)).toEqual(all.map((e) => e.metadata));
      expect(caught.map((e) => e.headers)).toEqual(
        [1, 2].map((n) => {
          const { effectiveAt, recordedAt, commandId, schemaVersion } = metadata(n);
          return { effectiveAt, recordedAt, commandId, schemaVersion };
        }),
      );
    } finally {
      await store.close();
    }
  });

  it('opens a database written before the columns existed, reads its rows from their metadata, and writes new rows with copies', async () => {
    const old = new Database(file);
    old.exec(`CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, stream TEXT NOT NULL, revision INTEGER NOT NULL,
      id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, created INTEGER NOT NULL, UNIQUE (stream, revision))`);
    old
      .prepare('INSERT INTO events (stream, revision, id, type, data, metadata, created) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run('s-1', 0, randomUUID(), 'Noted', '{"n":1}', JSON.stringify(metadata(1)), Date.now());
    old.close();
    const store = new SqliteEventStore({ file });
    try {
      await store.append('s-1', [ev(2)], 0n);
      const caught = await catchUp(store);
      expect(caught.map((e) => e.headers?.effectiveAt)).toEqual([undefined, metadata(2).effectiveAt]);
      expect(caught.map((e) => e.metadata.effectiveAt)).toEqual([metadata(1).effectiveAt, metadata(2).effectiveAt]);
      expect(await store.headerCopiesDiffer()).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('makes verification fail when a header copy is edited, though the hashed metadata is intact', async () => {
    const store = new SqliteEventStore({ file });
    try {
      await store.append('s-1', [ev(1), ev(2), ev(3)], 'no_stream');
      expect(await verifyStore(store)).toMatchObject({ ok: true, checkedEvents: 3 });
      const raw = new Database(file);
      raw.prepare("UPDATE events SET effective_at = '2030-01-01T00:00:00.000Z' WHERE position = 2").run();
      raw.close();
      expect(await verifyStore(store)).toMatchObject({
        ok: false,
        firstBrokenPosition: '2',
        reason: expect.stringContaining('metadata.effectiveAt'),
      });
    } finally {
      await store.close();
    }
  });
});
