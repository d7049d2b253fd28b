import {
  authorizeUrl,
  discoveryUrl,
  idTokenProblem,
  randomToken,
  readCallback,
  tokenRequestBody,
  OIDC_CALLBACK_PATH,
  SIGNED_OUT_PATH,
  type OidcEndpoints,
  type PendingSignIn,
  type SignInSettings,
  type TokenAnswer,
} from '@ledger/web-ui';

type OidcSettings = Extract<SignInSettings, { kind: 'oidc' }>;

const PENDING_KEY = 'ledger.oidc.pending';
const redirectUri = () => `${location.origin}${OIDC_CALLBACK_PATH}`;

/** Tokens held in memory by the session (never written to any storage). */
export interface OidcTokens {
  accessToken: string;
  expiresAt: number;
  refreshToken?: string;
  idToken?: string;
}

/** An OpenID Connect public client in the browser: redirects, code exchange, refresh, sign-out. */
export class OidcClient {
  private endpoints?: Promise<OidcEndpoints>;

  constructor(private readonly settings: OidcSettings) {}

  private discover(): Promise<OidcEndpoints> {
    this.endpoints ??= fetch(discoveryUrl(this.settings.issuer)).then(async (res) => {
      if (!res.ok) throw new Error(`the provider's discovery document answered ${res.status}`);
      return (await res.json()) as OidcEndpoints;
    });
    return this.endpoints;
  }

  /** Leaves the page for the provider; `silent` asks it not to show anything (prompt=none). */
  async begin(returnTo: string, silent: boolean, lang: string): Promise<never> {
    const pending: PendingSignIn = { state: randomToken(16), nonce: randomToken(16), verifier: randomToken(32), returnTo, silent };
    // The verifier must survive the redirect: this tab's sessionStorage, removed at the callback.
    sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
    const url = await authorizeUrl(await this.discover(), { ...this.settings, redirectUri: redirectUri() }, pending, lang);
    location.assign(url);
    return new Promise<never>(() => undefined);
  }

  /** At /workspace/callback: the tokens for the code, or why not (and whether it was a silent attempt). */
  async complete(
    search: string,
  ): Promise<{ tokens: OidcTokens; returnTo: string } | { error: string; code: string; silent: boolean; returnTo: string }> {
    const raw = sessionStorage.getItem(PENDING_KEY);
    sessionStorage.removeItem(PENDING_KEY);
    const pending = raw ? (JSON.parse(raw) as PendingSignIn) : undefined;
    const answer = readCallback(search, pending);
    const returnTo = pending?.returnTo ?? '/workspace';
    if ('error' in answer)
      return { error: answer.description ?? answer.error, code: answer.error, silent: pending?.silent ?? false, returnTo };
    const tokens = await this.token(
      tokenRequestBody({ code: answer.code, verifier: pending!.verifier, redirectUri: redirectUri() }, this.settings),
    );
    const problem = idTokenProblem(tokens.idToken, {
      issuer: this.settings.issuer,
      clientId: this.settings.clientId,
      nonce: pending!.nonce,
    });
    if (problem) return { error: problem, code: 'invalid_id_token', silent: false, returnTo };
    return { tokens, returnTo };
  }

  /** Silent renewal with the refresh token (when the provider issued one). */
  refresh(refreshToken: string): Promise<OidcTokens> {
    return this.token(tokenRequestBody({ refreshToken }, this.settings));
  }

  /** The provider's sign-out page, coming back to the sign-in page; undefined when it has none. */
  async signOutUrl(idToken: string | undefined): Promise<string | undefined> {
    const endpoint = (await this.discover()).end_session_endpoint;
    if (!endpoint) return undefined;
    const url = new URL(endpoint);
    url.searchParams.set('client_id', this.settings.clientId);
    url.searchParams.set('post_logout_redirect_uri', `${location.origin}${SIGNED_OUT_PATH}`);
    if (idToken) url.searchParams.set('id_token_hint', idToken);
    return url.toString();
  }

  private async token(body: URLSearchParams): Promise<OidcTokens> {
    const res = await fetch((await this.discover()).token_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    const answer = (await res.json()) as TokenAnswer & { error?: string; error_description?: string };
    if (!res.ok || !answer.access_token)
      throw new Error(answer.error_description ?? answer.error ?? `token endpoint answered ${res.status}`);
    return {
      accessToken: answer.access_token,
      expiresAt: Date.now() + (answer.expires_in ?? 300) * 1000,
      refreshToken: answer.refresh_token,
      idToken: answer.id_token,
    };
  }
}
