import type { Role } from '@ledger/domain';

/**
 * How a browser signs in to the workspaces, as the API server tells it (page state): through an
 * OpenID Connect provider (authorization code + PKCE, public client), through the local
 * development page (outside production, with the server's generated secret only), or not at all.
 */
export type SignInSettings =
  | {
      kind: 'oidc';
      /** The provider's issuer URL (its discovery document is `<issuer>/.well-known/openid-configuration`). */
      issuer: string;
      clientId: string;
      /** Space-separated scopes to ask for. */
      scopes: string;
      /** RFC 8707 resource indicator, when the provider needs one to issue an access token for this API. */
      resource?: string;
    }
  | { kind: 'dev'; roles: readonly Role[] }
  | { kind: 'none'; reason: 'oidc-without-client' | 'no-sign-in' };

/** Where the provider sends the browser back after signing in (register it at the provider). */
export const OIDC_CALLBACK_PATH = '/workspace/callback';
/** Where the provider sends the browser back after signing out (register it too). */
export const SIGNED_OUT_PATH = '/workspace/sign-in';
/** The development sign-in (POST JSON {sub, name, role} → {token, expiresAt}); absent in production. */
export const DEV_TOKEN_PATH = '/auth/dev-token';
/** The plan upload (coordinators): POST the file's bytes, `?name=plan.xlsx[&dryRun=true]`. */
export const PLAN_IMPORT_PATH = '/plan-imports';
