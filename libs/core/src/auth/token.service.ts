import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { createRemoteJWKSet, errors, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { LedgerError, ROLES, type Principal, type Role } from '@ledger/domain';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config';

const ISSUER = 'opengov-ledger';
/** The documented default audience (LEDGER_JWT_AUDIENCE overrides it), for HS256 and OIDC alike. */
export const DEFAULT_AUDIENCE = 'opengov-ledger';
const MIN_SECRET_LENGTH = 32;

/**
 * Verifies bearer tokens: HS256 with LEDGER_JWT_SECRET, or RS256/ES256 from an OIDC issuer's JWKS
 * (LEDGER_OIDC_ISSUER + LEDGER_OIDC_JWKS_URL, e.g. Keycloak). Requires exp and sub; checks nbf, iss and
 * aud (LEDGER_JWT_AUDIENCE, default opengov-ledger).
 * Outside production with neither configured, a secret is generated once into the data dir.
 */
@Injectable()
export class TokenService {
  private readonly logger = new Logger('Auth');
  private readonly secret: Uint8Array | undefined;
  private readonly jwks: JWTVerifyGetKey | undefined;
  /** Where the development secret came from, for the start-up message. */
  readonly generatedSecretFile: string | undefined;

  constructor(@Inject(LEDGER_CONFIG) private readonly config: LedgerConfig) {
    if (config.oidcJwksUrl) this.jwks = createRemoteJWKSet(new URL(config.oidcJwksUrl));
    if (config.jwtSecret) this.secret = new TextEncoder().encode(config.jwtSecret);
    else if (!config.production && !this.jwks) {
      const file = join(config.dataDir, 'jwt-secret');
      if (!existsSync(file)) {
        mkdirSync(config.dataDir, { recursive: true });
        writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
        chmodSync(file, 0o600);
      }
      const secret = readFileSync(file, 'utf8').trim();
      // A truncated or hand-edited file would make every token trivially forgeable: refuse to start.
      if (secret.length < MIN_SECRET_LENGTH)
        throw new Error(
          `${file}: the generated secret is empty or too weak (${secret.length} characters, at least ${MIN_SECRET_LENGTH} needed); delete the file to generate a new one, or set LEDGER_JWT_SECRET`,
        );
      this.secret = new TextEncoder().encode(secret);
      this.generatedSecretFile = file;
    }
    if (!this.secret && !this.jwks)
      this.logger.warn('no LEDGER_JWT_SECRET nor OIDC issuer configured: every caller is anonymous (read-only)');
  }

  get canIssue(): boolean {
    return this.secret !== undefined;
  }

  async verify(token: string): Promise<Principal> {
    const key = this.jwks ?? this.secret;
    if (!key) throw new LedgerError('UNAUTHENTICATED', 'this server accepts no tokens (no secret or OIDC issuer configured)');
    try {
      const { payload } = this.jwks
        ? await jwtVerify(token, this.jwks, { ...this.claims, issuer: this.config.oidcIssuer, algorithms: ['RS256', 'ES256'] })
        : await jwtVerify(token, this.secret!, { ...this.claims, issuer: ISSUER, algorithms: ['HS256'] });
      return principalOf(payload);
    } catch (error) {
      if (error instanceof LedgerError) throw error;
      throw new LedgerError('UNAUTHENTICATED', `invalid token: ${reason(error)}`);
    }
  }

  /** Audience and expiry are required of every token: one without `exp` would never expire. */
  private get claims(): { audience: string; requiredClaims: string[] } {
    return { audience: this.config.jwtAudience ?? DEFAULT_AUDIENCE, requiredClaims: ['exp', 'sub'] };
  }

  /** Mints an HS256 token (CLI `token issue`, and the local coordinator token printed by `npm start`). */
  async issue(claims: { sub: string; name: string; roles: Role[] }, ttlSeconds = 8 * 3600): Promise<string> {
    if (!this.secret)
      throw new Error('tokens can only be issued with an HS256 secret (LEDGER_JWT_SECRET or the generated development secret)');
    return new SignJWT({ name: claims.name, roles: claims.roles })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.sub)
      .setIssuer(ISSUER)
      .setAudience(this.config.jwtAudience ?? DEFAULT_AUDIENCE)
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.secret);
  }
}

/** Roles from `roles` (this ledger's tokens) or Keycloak's `realm_access.roles`; unknown roles are ignored. */
export function principalOf(payload: JWTPayload): Principal {
  if (typeof payload.sub !== 'string' || payload.sub.length === 0) throw new LedgerError('UNAUTHENTICATED', 'invalid token: no sub claim');
  const raw = Array.isArray(payload.roles) ? payload.roles : ((payload.realm_access as { roles?: unknown } | undefined)?.roles ?? []);
  const roles = (Array.isArray(raw) ? raw : []).filter((r): r is Role => (ROLES as readonly unknown[]).includes(r));
  return { sub: payload.sub, name: typeof payload.name === 'string' ? payload.name : undefined, roles };
}

function reason(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'token expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `claim "${error.claim}" failed: ${error.reason}`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'signature does not verify';
  return error instanceof Error ? error.message : String(error);
}
