import { resolve } from 'node:path';

/** Process settings (API.md "Process"); read once at boot. */
export interface LedgerConfig {
  port: number;
  host: string;
  production: boolean;
  dataDir: string;
  eventStoreConnectionString?: string;
  sample: boolean;
  /** How long a mutation waits for the read models to reach its write. */
  readYourWritesTimeoutMs: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): LedgerConfig {
  const production = env.NODE_ENV === 'production';
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be an integer 0–65535, got ${env.PORT}`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    production,
    dataDir: resolve(env.LEDGER_DATA_DIR ?? './var'),
    eventStoreConnectionString: env.EVENTSTORE_CONNECTION_STRING || undefined,
    sample: !production && (env.LEDGER_SAMPLE ?? 'on') !== 'off',
    readYourWritesTimeoutMs: Number(env.LEDGER_RYW_TIMEOUT_MS ?? 5000),
  };
}

export const LEDGER_CONFIG = Symbol('LEDGER_CONFIG');
