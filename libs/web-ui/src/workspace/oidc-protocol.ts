/**
 * The browser side of OpenID Connect's authorization code flow with PKCE (RFC 7636), as pure
 * functions over WebCrypto and URLs: what goes to the provider and how its answers are read. The
 * page (apps/web) does the redirects and keeps the tokens in memory.
 */

/** The provider's discovery document, the fields used here. */
export interface OidcEndpoints {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  end_session_endpoint?: string;
}

/** What the token endpoint answers (RFC 6749 §5.1, OIDC Core §3.1.3.3). */
export interface TokenAnswer {
  access_token: string;
  token_type: string;
  expires_in?: number;
  refresh_token?: string;
  id_token?: string;
}

/** One sign-in attempt, kept in sessionStorage across the redirect (never a token). */
export interface PendingSignIn {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
  silent: boolean;
}

export const base64url = (bytes: Uint8Array): string => {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

/** A random URL-safe string of `bytes` random bytes (43 characters for 32: a valid code verifier). */
export const randomToken = (bytes = 32): string => base64url(crypto.getRandomValues(new Uint8Array(bytes)));

/** S256 code challenge of a verifier: BASE64URL(SHA-256(verifier)). */
export async function codeChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

export const discoveryUrl = (issuer: string): string => `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;

/** The authorization request (prompt=none for a silent attempt, which never shows the provider's pages). */
export async function authorizeUrl(
  endpoints: OidcEndpoints,
  client: { clientId: string; scopes: string; resource?: string; redirectUri: string },
  pending: PendingSignIn,
  uiLocales?: string,
): Promise<string> {
  const url = new URL(endpoints.authorization_endpoint);
  const params: Record<string, string | undefined> = {
    response_type: 'code',
    client_id: client.clientId,
    redirect_uri: client.redirectUri,
    scope: client.scopes,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await codeChallenge(pending.verifier),
    code_challenge_method: 'S256',
    resource: client.resource,
    prompt: pending.silent ? 'none' : undefined,
    ui_locales: uiLocales,
  };
  for (const [k, v] of Object.entries(params)) if (v) url.searchParams.set(k, v);
  return url.toString();
}

/** The callback's query: a code for our state, or the provider's error. */
export function readCallback(
  search: string,
  pending: PendingSignIn | undefined,
): { code: string } | { error: string; description?: string } {
  const q = new URLSearchParams(search);
  if (!pending) return { error: 'no_pending_sign_in', description: 'this sign-in was not started from this tab (or was already used)' };
  if (q.get('state') !== pending.state) return { error: 'state_mismatch', description: 'the answer does not belong to this sign-in' };
  const error = q.get('error');
  if (error) return { error, description: q.get('error_description') ?? undefined };
  const code = q.get('code');
  return code ? { code } : { error: 'no_code' };
}

/** The provider answered a silent attempt with "the user must interact": show the sign-in page. */
export const needsInteraction = (error: string): boolean =>
  ['login_required', 'interaction_required', 'consent_required', 'account_selection_required'].includes(error);

/** Form body of a token request (authorization code or refresh token grant; public client). */
export function tokenRequestBody(
  grant: { code: string; verifier: string; redirectUri: string } | { refreshToken: string },
  client: { clientId: string; resource?: string },
): URLSearchParams {
  const body = new URLSearchParams({ client_id: client.clientId });
  if ('code' in grant) {
    body.set('grant_type', 'authorization_code');
    body.set('code', grant.code);
    body.set('code_verifier', grant.verifier);
    body.set('redirect_uri', grant.redirectUri);
  } else {
    body.set('grant_type', 'refresh_token');
    body.set('refresh_token', grant.refreshToken);
  }
  if (client.resource) body.set('resource', client.resource);
  return body;
}

/** The claims of a JWT, unverified (the ID token came straight from the token endpoint over TLS). */
export function jwtClaims(token: string): Record<string, unknown> {
  const part = token.split('.')[1];
  if (!part) throw new Error('not a JWT');
  const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

/** OIDC Core §3.1.3.7: the ID token is for this client, from this issuer, for this sign-in (nonce). */
export function idTokenProblem(
  idToken: string | undefined,
  expected: { issuer: string; clientId: string; nonce: string },
): string | undefined {
  if (!idToken) return undefined;
  const claims = jwtClaims(idToken);
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (claims.iss !== expected.issuer) return `ID token from another issuer (${String(claims.iss)})`;
  if (!aud.includes(expected.clientId)) return 'ID token for another client';
  if (claims.nonce !== expected.nonce) return 'ID token for another sign-in (nonce)';
  return undefined;
}
