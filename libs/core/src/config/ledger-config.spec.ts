import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_AUDIENCE } from '../auth/token.service';
import { repoRoot } from '../import/repo-root';
import { loadConfig } from './ledger-config';

/** README.md's Configuration table: each variable and the default it states (`—`: none). */
function documentedDefaults(): Record<string, string> {
  const readme = readFileSync(join(repoRoot(), 'README.md'), 'utf8');
  const table = readme.split('\n## Configuration\n')[1].split('\n## ')[0];
  const rows: Record<string, string> = {};
  for (const [, names, value] of table.matchAll(/^\| (`[A-Z_]+`(?:, `[A-Z_]+`)*) +\| ([^|]+?) +\|/gm))
    for (const name of names.match(/[A-Z_]+/g)!) rows[name] = value.replace(/`/g, '');
  return rows;
}

const none = (value: unknown) => (value === undefined || (Array.isArray(value) && value.length === 0) ? '—' : String(value));

describe('the README configuration table', () => {
  it('states the defaults loadConfig applies when no variable is set', () => {
    const c = loadConfig({});
    const applied: Record<string, string> = {
      PORT: String(c.port),
      HOST: c.host,
      LEDGER_DATA_DIR: c.dataDir === resolve('./var') ? './var' : c.dataDir,
      EVENTSTORE_CONNECTION_STRING: none(c.eventStoreConnectionString),
      NODE_ENV: c.production ? 'production' : '—',
      LEDGER_SAMPLE: c.sample ? 'on' : 'off',
      LEDGER_RYW_TIMEOUT_MS: String(c.readYourWritesTimeoutMs),
      LEDGER_JWT_SECRET: none(c.jwtSecret),
      LEDGER_OIDC_ISSUER: none(c.oidcIssuer),
      LEDGER_OIDC_JWKS_URL: none(c.oidcJwksUrl),
      LEDGER_OIDC_CLIENT_ID: none(c.oidcClientId),
      LEDGER_OIDC_SCOPES: c.oidcScopes,
      LEDGER_OIDC_RESOURCE: none(c.oidcResource),
      LEDGER_JWT_AUDIENCE: c.jwtAudience ?? DEFAULT_AUDIENCE,
      LEDGER_CORS_ORIGINS: none(c.corsOrigins),
      LEDGER_RATE_LIMIT_PER_MINUTE: String(c.rateLimitPerMinute),
      LEDGER_RATE_LIMIT_AUTHENTICATED_PER_MINUTE: String(c.rateLimitAuthenticatedPerMinute),
      LEDGER_RATE_LIMIT_BY_ROLE: none(Object.keys(c.rateLimitByRole)),
      LEDGER_QUERY_MAX_COST: String(c.queryMaxCost),
      LEDGER_QUERY_TIME_BUDGET_MS: String(c.queryTimeBudgetMs),
      LEDGER_TRUST_PROXY: String(c.trustProxy),
      LEDGER_EMBED_ORIGINS: none(c.embedOrigins),
      LEDGER_WS_MAX_PER_IP: String(c.wsMaxConnectionsPerIp),
      LEDGER_WEB_DIR: c.webDir === join(repoRoot(), 'dist', 'web') ? 'dist/web' : c.webDir,
      LEDGER_SNAPSHOTS: c.snapshots ? 'on' : 'off',
      LEDGER_SNAPSHOT_EVERY_EVENTS: String(c.snapshotEveryEvents),
      LEDGER_SNAPSHOT_QUIET_MS: String(c.snapshotQuietMs),
    };
    // The logger's two variables are read by the API's bootstrap: apps/api/src/http/request-log.spec.ts.
    const { LEDGER_LOG, LEDGER_LOG_LEVEL, ...documented } = documentedDefaults();
    expect([LEDGER_LOG, LEDGER_LOG_LEVEL]).toEqual(['—', 'info / warn']);
    expect(documented).toEqual(applied);
  });

  it('imports no sample plan in production, whatever LEDGER_SAMPLE says', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).sample).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', LEDGER_SAMPLE: 'on' }).sample).toBe(false);
    expect(loadConfig({ LEDGER_SAMPLE: 'off' }).sample).toBe(false);
  });
});
