import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreContract } from '@ledger/testing';
import { SqliteEventStore } from './sqlite-event-store';

const dirs = new Map<object, string>();
eventStoreContract({
  name: 'embedded SQLite',
  create: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-contract-'));
    const store = new SqliteEventStore({ file: join(dir, 'ledger.sqlite'), pollIntervalMs: 20 });
    dirs.set(store, dir);
    return store;
  },
  destroy: async (store) => {
    await store.close();
    rmSync(dirs.get(store)!, { recursive: true, force: true });
  },
});

describe('embedded store group commit', () => {
  it('rejects an append whose event id already exists in another stream without failing the appends committed with it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-batch-'));
    const store = new SqliteEventStore({ file: join(dir, 'ledger.sqlite') });
    try {
      const taken = { id: randomUUID(), type: 'T', data: {}, metadata: {} };
      await store.append('a-1', [taken], 'no_stream');
      const fresh = () => ({ id: randomUUID(), type: 'T', data: {}, metadata: {} });
      // Same tick: both go into one transaction.
      const [bad, good] = await Promise.allSettled([
        store.append('b-1', [fresh(), taken], 'no_stream'),
        store.append('c-1', [fresh()], 'no_stream'),
      ]);
      expect(bad.status).toBe('rejected');
      expect(good.status).toBe('fulfilled');
      const read = async (s: string) => {
        const out = [];
        for await (const e of store.readStream(s)) out.push(e);
        return out;
      };
      expect(await read('b-1')).toEqual([]);
      expect(await read('c-1')).toHaveLength(1);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
