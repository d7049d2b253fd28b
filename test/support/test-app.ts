import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Role } from '@ledger/domain';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { TokenService, type Clock, loadConfig, importSampleIfEmpty, ProjectionRunner } from '@ledger/core';
import { createApp } from '../../apps/api/src/bootstrap';

/** A fixed HS256 secret, so tokens stay valid across a restart on the same data dir. */
export const TEST_JWT_SECRET = 'e2e-test-secret-0123456789abcdef-0123456789';

export interface TestAppOptions {
  /** Reuse a data dir (restart scenarios); default: a fresh temp dir, removed by `stop()`. */
  dataDir?: string;
  /** Import the bundled Morocco plan after catch-up (as `npm start` does on an empty ledger). */
  sample?: boolean;
  /** Frozen time for the command handler (recordedAt, the "effectiveAt not in the future" rule). */
  clock?: Clock;
  /**
   * Merged last into loadConfig's env: the store choice lives here, e.g.
   * `{ EVENTSTORE_CONNECTION_STRING: 'esdb://…' }` runs the same suite against EventStoreDB.
   */
  env?: Record<string, string>;
  /** Where the app's log lines go (JSON, one per line); default: none kept. */
  logStream?: { write(line: string): void };
}

/** Who sends a request: a role (token minted for `sub` "e2e-<role>"), a raw token, or nobody. */
export type Caller = Role | 'anonymous' | { token: string };

export interface GqlError {
  message: string;
  path?: Array<string | number>;
  extensions: { code: string; [detail: string]: unknown };
}

// Loose on purpose: tests read fields by path and assert on them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface GqlResponse<D = any> {
  data?: D | null;
  errors?: GqlError[];
}

export interface TestApp {
  app: NestFastifyApplication;
  dataDir: string;
  /** POST /graphql; the parsed body. Defaults to a coordinator token: writes need one. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  gql<D = any>(query: string, variables?: Record<string, unknown>, as?: Caller): Promise<GqlResponse<D>>;
  /** The store's last log position (undefined on an empty log): equal before/after proves nothing was written. */
  headPosition(): Promise<bigint | undefined>;
  /** A bearer token for a role (HS256, signed with the app's secret). */
  tokenFor(role: Role, sub?: string): Promise<string>;
  /** Closes the app (and its store); removes the data dir only when startTestApp created it. */
  stop(): Promise<void>;
}

export function makeTempDir(prefix = 'ledger-e2e-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** For a test that owns its data dir (restart scenarios): remove it in afterAll. */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Boots the real app in-process (no port: `app.inject`), waits until the read models caught up. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const ownsDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? makeTempDir();
  const config = loadConfig({
    LEDGER_DATA_DIR: dataDir,
    LEDGER_SAMPLE: 'off',
    LEDGER_JWT_SECRET: TEST_JWT_SECRET,
    // Suites send many requests with one token; the per-minute budget is not what they test.
    LEDGER_RATE_LIMIT_PER_MINUTE: '100000',
    ...options.env,
  });
  const app = await createApp(config, options.clock, { logStream: options.logStream }).catch((error: unknown) => {
    if (ownsDir) removeDir(dataDir);
    throw error;
  });
  try {
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    await app.get(ProjectionRunner).caughtUp;
    if (options.sample) await importSampleIfEmpty(app);
  } catch (error) {
    // Leave no handle open (jest would not exit) and no temp dir behind.
    await app.close().catch(() => undefined);
    if (ownsDir) removeDir(dataDir);
    throw error;
  }

  const tokens = new Map<string, string>();
  const tokenFor = async (role: Role, sub = `e2e-${role}`): Promise<string> => {
    const key = `${role}/${sub}`;
    if (!tokens.has(key)) tokens.set(key, await app.get(TokenService).issue({ sub, name: `E2E ${role}`, roles: [role] }));
    return tokens.get(key)!;
  };
  const authorization = async (as: Caller): Promise<Record<string, string>> => {
    if (as === 'anonymous') return {};
    return { authorization: `Bearer ${typeof as === 'string' ? await tokenFor(as) : as.token}` };
  };

  let stopped = false;
  return {
    app,
    dataDir,
    tokenFor,
    gql: async (query, variables, as = 'coordinator') => {
      const res = await app.inject({ method: 'POST', url: '/graphql', headers: await authorization(as), payload: { query, variables } });
      return res.json();
    },
    headPosition: () => app.get<EventStore>(EVENT_STORE).headPosition(),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await app.close();
      if (ownsDir) removeDir(dataDir);
    },
  };
}
