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
  jwtSecret?: string;
  jwtAudience?: string;
  oidcIssuer?: string;
  oidcJwksUrl?: string;
  /** Allowed browser origins (CORS); empty: no CORS headers. */
  corsOrigins: string[];
  /** Requests per minute per token (or per IP without one). */
  rateLimitPerMinute: number;
  /** Trust X-Forwarded-For from a proxy in front (for per-IP limits). */
  trustProxy: boolean;
  /** How many events the in-memory history index (time travel) may hold. */
  historyIndexEvents: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): LedgerConfig {
  const production = env.NODE_ENV === 'production';
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be an integer 0–65535, got ${env.PORT}`);
  if (env.LEDGER_JWT_SECRET && env.LEDGER_JWT_SECRET.length < 32) throw new Error('LEDGER_JWT_SECRET must be at least 32 characters');
  if (Boolean(env.LEDGER_OIDC_ISSUER) !== Boolean(env.LEDGER_OIDC_JWKS_URL))
    throw new Error('LEDGER_OIDC_ISSUER and LEDGER_OIDC_JWKS_URL go together');
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    production,
    dataDir: resolve(env.LEDGER_DATA_DIR ?? './var'),
    eventStoreConnectionString: env.EVENTSTORE_CONNECTION_STRING || undefined,
    sample: !production && (env.LEDGER_SAMPLE ?? 'on') !== 'off',
    readYourWritesTimeoutMs: Number(env.LEDGER_RYW_TIMEOUT_MS ?? 5000),
    jwtSecret: env.LEDGER_JWT_SECRET || undefined,
    jwtAudience: env.LEDGER_JWT_AUDIENCE || undefined,
    oidcIssuer: env.LEDGER_OIDC_ISSUER || undefined,
    oidcJwksUrl: env.LEDGER_OIDC_JWKS_URL || undefined,
    corsOrigins: (env.LEDGER_CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    rateLimitPerMinute: Number(env.LEDGER_RATE_LIMIT_PER_MINUTE ?? 600),
    trustProxy: env.LEDGER_TRUST_PROXY === 'true',
    historyIndexEvents: Number(env.LEDGER_HISTORY_INDEX_EVENTS ?? 2_000_000),
  };
}

export const LEDGER_CONFIG = Symbol('LEDGER_CONFIG');
