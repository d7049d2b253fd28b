import { join, resolve } from 'node:path';
import { repoRoot } from '../import/repo-root';

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
  /** Open WebSocket (live update) connections allowed per client address. */
  wsMaxConnectionsPerIp: number;
  /** Origins allowed to frame the embeds (CSP frame-ancestors); empty: any site may embed them. */
  embedOrigins: string[];
  /** Where the built web app is (Vite's output); pages render without their script when absent. */
  webDir: string;
}

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);

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
    corsOrigins: list(env.LEDGER_CORS_ORIGINS),
    rateLimitPerMinute: Number(env.LEDGER_RATE_LIMIT_PER_MINUTE ?? 600),
    trustProxy: env.LEDGER_TRUST_PROXY === 'true',
    historyIndexEvents: Number(env.LEDGER_HISTORY_INDEX_EVENTS ?? 2_000_000),
    wsMaxConnectionsPerIp: Number(env.LEDGER_WS_MAX_PER_IP ?? 20),
    embedOrigins: list(env.LEDGER_EMBED_ORIGINS),
    webDir: resolve(env.LEDGER_WEB_DIR ?? join(repoRoot(), 'dist', 'web')),
  };
}

export const LEDGER_CONFIG = Symbol('LEDGER_CONFIG');
