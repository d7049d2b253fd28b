import type { Role } from '@ledger/domain';
import { DEV_TOKEN_PATH, needsInteraction, OIDC_CALLBACK_PATH, type SignInSettings, type WsSession, type WsUser } from '@ledger/web-ui';
import { OidcClient, type OidcTokens } from './oidc-client';

/** What the page shows of the session. */
export interface SessionSnapshot {
  status: WsSession;
  user?: WsUser;
  /** Why the last sign-in failed, in the provider's or the server's words. */
  message?: string;
}

/** The identity chosen on the development page (no secret: the server re-issues a token for it). */
export interface DevIdentity {
  sub: string;
  name: string;
  role: Role;
}

const DEV_KEY = 'ledger.dev.identity';
// After a silent attempt the provider refused, or a sign-out: ask before going to the provider again.
const NO_SILENT_KEY = 'ledger.oidc.no-silent';
const RENEW_BEFORE_MS = 60_000;

/**
 * The signed-in user's session, in this page's memory only (the token is never stored: a reload
 * signs in again, silently when the provider — or the development page — allows it). Renews the
 * token before it expires; when it cannot, says "session expired" instead of falling back to the
 * public view.
 */
export class Session {
  snapshot: SessionSnapshot = { status: 'checking' };
  private token?: string;
  private tokens?: OidcTokens;
  private renewTimer?: ReturnType<typeof setTimeout>;
  private expireTimer?: ReturnType<typeof setTimeout>;
  private readonly listeners = new Set<(s: SessionSnapshot) => void>();
  private readonly oidc?: OidcClient;
  /** How many times the token was renewed without the user noticing (shown to tests as data-renewals). */
  renewals = 0;

  constructor(readonly settings: SignInSettings) {
    if (settings.kind === 'oidc') this.oidc = new OidcClient(settings);
  }

  getToken = (): string | undefined => (this.snapshot.status === 'signed-in' ? this.token : undefined);

  subscribe(listener: (s: SessionSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** At page load. Answers the address to show next (after the provider's callback), if any. */
  async start(lang: string): Promise<string | undefined> {
    const { pathname, search } = location;
    if (this.oidc) {
      if (pathname === OIDC_CALLBACK_PATH) {
        const result = await this.oidc
          .complete(search)
          .catch((e: Error) => ({ error: e.message, code: 'error', silent: false, returnTo: '/workspace' }));
        if ('tokens' in result) {
          sessionStorage.removeItem(NO_SILENT_KEY);
          await this.accept(result.tokens.accessToken, result.tokens.expiresAt, result.tokens);
          return result.returnTo;
        }
        sessionStorage.setItem(NO_SILENT_KEY, '1');
        const quiet = result.silent && needsInteraction(result.code);
        this.set({ status: 'signed-out', message: quiet ? undefined : result.error });
        return signInPath(result.returnTo);
      }
      if (!sessionStorage.getItem(NO_SILENT_KEY) && !pathname.startsWith('/workspace/sign-in')) {
        // Single sign-on: a provider session signs this page in without showing anything.
        await this.oidc.begin(pathname + search, true, lang);
      }
      this.set({ status: 'signed-out' });
      return undefined;
    }
    const identity = this.settings.kind === 'dev' ? readDevIdentity() : undefined;
    if (identity) await this.signInDev(identity);
    else this.set({ status: 'signed-out' });
    return undefined;
  }

  /** The development page: a token for the chosen identity (the identity, not the token, is remembered by this tab). */
  async signInDev(identity: DevIdentity): Promise<void> {
    const res = await fetch(DEV_TOKEN_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(identity),
    });
    const body = (await res.json()) as { token?: string; expiresAt?: string; message?: string };
    if (!res.ok || !body.token) {
      this.set({ status: 'signed-out', message: body.message ?? `HTTP ${res.status}` });
      return;
    }
    sessionStorage.setItem(DEV_KEY, JSON.stringify(identity));
    await this.accept(body.token, Date.parse(body.expiresAt ?? '') || Date.now() + 3_600_000);
  }

  /** Leaves for the provider's sign-in page, coming back to `returnTo`. */
  signInWithProvider(returnTo: string, lang: string): Promise<never> | undefined {
    return this.oidc?.begin(returnTo, false, lang);
  }

  /** Forgets the token; at the provider too when it has a sign-out page. Answers where to go. */
  async signOut(): Promise<string> {
    const idToken = this.tokens?.idToken;
    this.clear();
    sessionStorage.removeItem(DEV_KEY);
    sessionStorage.setItem(NO_SILENT_KEY, '1');
    this.set({ status: 'signed-out' });
    const away = this.oidc ? await this.oidc.signOutUrl(idToken).catch(() => undefined) : undefined;
    return away ?? '/workspace/sign-in?signedOut=1';
  }

  /** The API refused the token (expired, revoked): renew once, else say the session expired. */
  async onUnauthenticated(): Promise<boolean> {
    if (await this.renew()) return true;
    this.expire();
    return false;
  }

  /** Sign in again after expiry: silently for the development page, through the provider otherwise. */
  async signInAgain(lang: string): Promise<void> {
    const identity = readDevIdentity();
    if (this.settings.kind === 'dev' && identity) return this.signInDev(identity);
    await this.oidc?.begin(location.pathname + location.search, false, lang);
  }

  private async renew(): Promise<boolean> {
    try {
      if (this.oidc && this.tokens?.refreshToken) {
        const next = await this.oidc.refresh(this.tokens.refreshToken);
        this.renewals++;
        await this.accept(next.accessToken, next.expiresAt, { ...next, idToken: next.idToken ?? this.tokens.idToken });
        return this.snapshot.status === 'signed-in';
      }
      const identity = this.settings.kind === 'dev' ? readDevIdentity() : undefined;
      if (identity) {
        this.renewals++;
        await this.signInDev(identity);
        return this.snapshot.status === 'signed-in';
      }
    } catch {
      // Falls through: the session cannot be renewed silently.
    }
    return false;
  }

  private expire(): void {
    this.clear();
    this.set({ status: 'expired', user: this.snapshot.user });
  }

  /** A token is in hand: ask the API who it is (roles come from the verified token, not from the page). */
  private async accept(token: string, expiresAt: number, tokens?: OidcTokens): Promise<void> {
    const res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'query Me { me { sub name roles } }' }),
    });
    const body = (await res.json()) as { data?: { me: WsUser | null }; errors?: Array<{ message: string }> };
    const user = body.data?.me;
    if (!user) {
      this.clear();
      this.set({ status: 'signed-out', message: body.errors?.[0]?.message ?? 'the server did not accept the token' });
      return;
    }
    this.clear();
    this.token = token;
    this.tokens = tokens;
    this.schedule(expiresAt);
    this.set({ status: 'signed-in', user });
  }

  private schedule(expiresAt: number): void {
    const left = expiresAt - Date.now();
    // Renew a minute before expiry (halfway through a token shorter than two minutes); expire at the deadline if that fails.
    const renewIn = Math.max(1000, left > 2 * RENEW_BEFORE_MS ? left - RENEW_BEFORE_MS : left / 2);
    this.renewTimer = setTimeout(() => void this.renew().then((ok) => ok || undefined), renewIn);
    this.expireTimer = setTimeout(() => this.expire(), Math.max(0, left));
  }

  private clear(): void {
    clearTimeout(this.renewTimer);
    clearTimeout(this.expireTimer);
    this.token = undefined;
    this.tokens = undefined;
  }

  private set(next: SessionSnapshot): void {
    this.snapshot = next;
    for (const l of this.listeners) l(next);
  }
}

function readDevIdentity(): DevIdentity | undefined {
  try {
    const raw = sessionStorage.getItem(DEV_KEY);
    return raw ? (JSON.parse(raw) as DevIdentity) : undefined;
  } catch {
    return undefined;
  }
}

/** The sign-in page in the language of the page to come back to (only workspace addresses are returned to). */
export function signInPath(returnTo: string): string {
  const back = returnTo.startsWith('/workspace') && !returnTo.startsWith('/workspace/sign-in') ? returnTo : undefined;
  const lang = new URLSearchParams(returnTo.split('?')[1] ?? '').get('lang');
  const query = new URLSearchParams();
  if (lang && lang !== 'fr') query.set('lang', lang);
  if (back) query.set('return', back);
  const q = query.toString();
  return `/workspace/sign-in${q ? `?${q}` : ''}`;
}
