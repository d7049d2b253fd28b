import { join, resolve } from 'node:path';
import { ROLES, type Role } from '@ledger/domain';
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
  /** The browser sign-in (workspaces): the public client registered at the OIDC provider. */
  oidcClientId?: string;
  /** Scopes the browser asks for (space-separated). */
  oidcScopes: string;
  /** RFC 8707 resource indicator the browser sends, when the provider needs one to issue an access token for this API. */
  oidcResource?: string;
  /** Allowed browser origins (CORS); empty: no CORS headers. */
  corsOrigins: string[];
  /** Requests per minute of an anonymous caller, per client IP. */
  rateLimitPerMinute: number;
  /** Requests per minute of a verified caller, per token subject (a dashboard backend holds one). */
  rateLimitAuthenticatedPerMinute: number;
  /** Per-role overrides of the authenticated limit; the largest of a caller's roles applies. */
  rateLimitByRole: Partial<Record<Role, number>>;
  /** Cost budget of one GraphQL operation (docs/adr/0009): over it, QUERY_TOO_COSTLY before it runs. */
  queryMaxCost: number;
  /** Time budget of one request's reads (ms): fields not started by then get QUERY_TOO_COSTLY. */
  queryTimeBudgetMs: number;
  /** Trust X-Forwarded-For from a proxy in front (for per-IP limits). */
  trustProxy: boolean;
  /** Open WebSocket (live update) connections allowed per client address. */
  wsMaxConnectionsPerIp: number;
  /** Origins allowed to frame the embeds (CSP frame-ancestors); empty: any site may embed them. */
  embedOrigins: string[];
  /** Where the built web app is (Vite's output); pages render without their script when absent. */
  webDir: string;
  /** Read-model snapshots in the data dir (docs/adr/0015): restored at boot, written in the background. */
  snapshots: boolean;
  /** Write a snapshot once this many events were applied since the last one; 0: never by count. */
  snapshotEveryEvents: number;
  /** Write a snapshot after this long without new events (ms), if any arrived since the last one; 0: never on quiet. */
  snapshotQuietMs: number;
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
  if ((env.LEDGER_OIDC_CLIENT_ID || env.LEDGER_OIDC_RESOURCE) && !env.LEDGER_OIDC_ISSUER)
    throw new Error('LEDGER_OIDC_CLIENT_ID and LEDGER_OIDC_RESOURCE need LEDGER_OIDC_ISSUER (and LEDGER_OIDC_JWKS_URL)');
  if (env.LEDGER_OIDC_ISSUER && !/^https?:\/\/[^\s]+$/.test(env.LEDGER_OIDC_ISSUER))
    throw new Error(`LEDGER_OIDC_ISSUER must be an http(s) URL, got ${env.LEDGER_OIDC_ISSUER}`);
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
    oidcClientId: env.LEDGER_OIDC_CLIENT_ID || undefined,
    oidcScopes: (env.LEDGER_OIDC_SCOPES || 'openid profile').trim().split(/\s+/).join(' '),
    oidcResource: env.LEDGER_OIDC_RESOURCE || undefined,
    corsOrigins: list(env.LEDGER_CORS_ORIGINS),
    rateLimitPerMinute: count('LEDGER_RATE_LIMIT_PER_MINUTE', env, 600),
    rateLimitAuthenticatedPerMinute: count('LEDGER_RATE_LIMIT_AUTHENTICATED_PER_MINUTE', env, 6000),
    rateLimitByRole: limitsByRole(env.LEDGER_RATE_LIMIT_BY_ROLE),
    queryMaxCost: count('LEDGER_QUERY_MAX_COST', env, 1_000_000),
    queryTimeBudgetMs: count('LEDGER_QUERY_TIME_BUDGET_MS', env, 5000),
    trustProxy: env.LEDGER_TRUST_PROXY === 'true',
    wsMaxConnectionsPerIp: Number(env.LEDGER_WS_MAX_PER_IP ?? 20),
    embedOrigins: list(env.LEDGER_EMBED_ORIGINS),
    webDir: resolve(env.LEDGER_WEB_DIR ?? join(repoRoot(), 'dist', 'web')),
    snapshots: onOff('LEDGER_SNAPSHOTS', env, true),
    snapshotEveryEvents: count('LEDGER_SNAPSHOT_EVERY_EVENTS', env, 100_000),
    snapshotQuietMs: count('LEDGER_SNAPSHOT_QUIET_MS', env, 30_000),
  };
}

/** A non-negative integer setting, or its default; anything else stops the boot with the variable's name. */
function count(name: string, env: NodeJS.ProcessEnv, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a whole number ≥ 0, got ${raw}`);
  return value;
}

function onOff(name: string, env: NodeJS.ProcessEnv, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw !== 'on' && raw !== 'off') throw new Error(`${name} must be on or off, got ${raw}`);
  return raw === 'on';
}

/** `auditor=20000,lead=1200` → { auditor: 20000, lead: 1200 }. */
function limitsByRole(raw: string | undefined): Partial<Record<Role, number>> {
  const limits: Partial<Record<Role, number>> = {};
  for (const pair of (raw ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [role, value] = pair.split('=').map((x) => x.trim());
    if (!(ROLES as readonly string[]).includes(role) || !/^\d+$/.test(value ?? ''))
      throw new Error(`LEDGER_RATE_LIMIT_BY_ROLE must be role=number pairs (roles: ${ROLES.join(', ')}), got "${pair}"`);
    limits[role as Role] = Number(value);
  }
  return limits;
}

export const LEDGER_CONFIG = Symbol('LEDGER_CONFIG');
