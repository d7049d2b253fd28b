import { ROLES } from '@ledger/domain';
import type { LedgerConfig, TokenService } from '@ledger/core';
import type { SignInSettings } from '@ledger/web-ui';

/**
 * The local development sign-in exists only outside production, without an OIDC provider, and
 * with the secret the server generated itself: a configured LEDGER_JWT_SECRET may be shared with
 * other systems, and a page minting any role with it would hand those out too.
 */
export const devSignInAvailable = (config: LedgerConfig, tokens: TokenService): boolean =>
  !config.production && !config.oidcIssuer && !config.jwtSecret && tokens.generatedSecretFile !== undefined;

/** What the browser needs to sign in (public settings only: no secret ever leaves the server). */
export function signInSettingsOf(config: LedgerConfig, tokens: TokenService): SignInSettings {
  if (config.oidcIssuer) {
    if (!config.oidcClientId) return { kind: 'none', reason: 'oidc-without-client' };
    return {
      kind: 'oidc',
      issuer: config.oidcIssuer,
      clientId: config.oidcClientId,
      scopes: config.oidcScopes,
      ...(config.oidcResource ? { resource: config.oidcResource } : {}),
    };
  }
  if (devSignInAvailable(config, tokens)) return { kind: 'dev', roles: ROLES };
  return { kind: 'none', reason: 'no-sign-in' };
}

/** Origins the workspace pages' scripts may connect to besides their own: the OIDC provider. */
export const signInOrigins = (settings: SignInSettings): string[] => (settings.kind === 'oidc' ? [new URL(settings.issuer).origin] : []);
