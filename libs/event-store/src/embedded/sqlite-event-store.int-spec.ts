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
