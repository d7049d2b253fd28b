import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REAL_ESDB, REAL_ESDB_SKIPPED, startEsdbDouble, type EsdbDouble } from '@ledger/testing';

/** Where an e2e suite's app keeps its log: each suite runs once per target. */
export interface StoreTarget {
  name: string;
  /** Why this target does not run here (the suite is registered as skipped, with this reason). */
  skipped?: string;
  /** Env for loadConfig: a fresh, empty store — or, on a real server, one shared with earlier runs. */
  start(): Promise<Record<string, string>>;
  stop(): Promise<void>;
}

/**
 * Appended to the plan ids a suite creates. Empty on fresh stores; on a real server, which keeps
 * every earlier run's events, a slug unique to this run, so a second run does not collide.
 */
export const RUN_SUFFIX = REAL_ESDB ? `-r${randomBytes(4).toString('hex')}` : '';

/** The targets that run here (the real server only when configured). */
export function storeTargets(): StoreTarget[] {
  return allStoreTargets().filter((t) => !t.skipped);
}

/** Every target, the ones that cannot run here marked `skipped` with the reason. */
export function allStoreTargets(): StoreTarget[] {
  let dir: string | undefined;
  let double: EsdbDouble | undefined;
  return [
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
    {
      name: 'EventStoreDB (real server)',
      skipped: REAL_ESDB ? undefined : REAL_ESDB_SKIPPED,
      start: async () => ({ EVENTSTORE_CONNECTION_STRING: REAL_ESDB!, LEDGER_DATA_DIR: mkdtempSync(join(tmpdir(), 'ledger-e2e-real-')) }),
      stop: async () => undefined,
    },
  ];
}

/** `describe` once per store target; a target that cannot run here is reported as skipped, with why. */
export function describeEachStore(title: string, body: (target: StoreTarget) => void): void {
  for (const target of allStoreTargets()) {
    if (target.skipped) describe.skip(`${title} — ${target.name} — SKIPPED: ${target.skipped}`, () => body(target));
    else describe(`${title} — ${target.name}`, () => body(target));
  }
}
