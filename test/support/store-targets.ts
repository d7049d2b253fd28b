import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEsdbDouble, type EsdbDouble } from '@ledger/testing';

/** Where an e2e suite's app keeps its log: each suite runs once per target. */
export interface StoreTarget {
  name: string;
  /** Env for loadConfig: a fresh, empty store. */
  start(): Promise<Record<string, string>>;
  stop(): Promise<void>;
}

export function storeTargets(): StoreTarget[] {
  let dir: string | undefined;
  let double: EsdbDouble | undefined;
  const targets: StoreTarget[] = [
    {
      name: 'embedded SQLite',
      start: async () => {
        dir = mkdtempSync(join(tmpdir(), 'ledger-e2e-'));
        return { LEDGER_DATA_DIR: dir };
      },
      stop: async () => {
        if (dir) rmSync(dir, { recursive: true, force: true });
      },
    },
    {
      name: 'EventStoreDB adapter over gRPC (test double)',
      start: async () => {
        double = await startEsdbDouble();
        return { EVENTSTORE_CONNECTION_STRING: double.connectionString, LEDGER_DATA_DIR: mkdtempSync(join(tmpdir(), 'ledger-e2e-esdb-')) };
      },
      stop: async () => {
        await double?.stop();
      },
    },
  ];
  const real = process.env.ESDB_TEST_CONNECTION_STRING;
  if (real)
    targets.push({
      name: 'EventStoreDB (real server)',
      start: async () => ({ EVENTSTORE_CONNECTION_STRING: real, LEDGER_DATA_DIR: mkdtempSync(join(tmpdir(), 'ledger-e2e-real-')) }),
      stop: async () => undefined,
    });
  return targets;
}
