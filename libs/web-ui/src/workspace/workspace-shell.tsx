import type { ComponentChildren } from 'preact';
import type { Role } from '@ledger/domain';
import { LANGS, WEB_LABELS, WORKSPACE_LABELS, type Lang } from '@ledger/i18n';
import type { SignInSettings } from './sign-in-settings';
import { workspacesOf, wsHref, type WsLocation, type WsRoute } from './workspace-route';

/** Who is signed in, as `me` answers (roles from the token, checked by the server). */
export interface WsUser {
  sub: string;
  name?: string | null;
  roles: Role[];
}

/** Where the sign-in stands: the server always renders "checking" (the token lives in the browser only). */
export type WsSession = 'checking' | 'signed-in' | 'signed-out' | 'expired';

/** What a workspace page is rendered from, on the server and at hydration. */
export interface WsPageState {
  location: WsLocation;
  signIn: SignInSettings;
}

const HOMES: Record<'lead' | 'coordinator' | 'audit', WsRoute> = {
  lead: { view: 'lead' },
  coordinator: { view: 'coordinator' },
  audit: { view: 'audit' },
};

/** The frame of every workspace page: skip link, header (workspaces, who is signed in, languages), main. */
export function WorkspaceShell(props: {
  location: WsLocation;
  session: WsSession;
  user?: WsUser;
  onSignOut?: () => void;
  onSignInAgain?: () => void;
  announcement?: string;
  children?: ComponentChildren;
}) {
  const { location, session, user } = props;
  const { lang, route } = location;
  const t = WORKSPACE_LABELS[lang];
  const web = WEB_LABELS[lang];
  const navText = { lead: t.navLead, coordinator: t.navCoordinator, audit: t.navAudit };
  const current = route.view.startsWith('lead')
    ? 'lead'
    : route.view.startsWith('coordinator')
      ? 'coordinator'
      : route.view.startsWith('audit')
        ? 'audit'
        : '';
  return (
    <>
      <a class="skip-link" href="#main">
        {web.skipToContent}
      </a>
      <header class="site-header ws-header">
        <a class="site-name" href={lang === 'fr' ? '/' : `/?lang=${lang}`}>
          {web.siteName}
        </a>
        <span class="ws-name">{t.workspaceName}</span>
        {user && session === 'signed-in' && (
          <nav aria-label={t.navLabel} class="ws-nav">
            <ul>
              {workspacesOf(user.roles).map((w) => (
                <li key={w}>
                  <a href={wsHref(HOMES[w], lang)} aria-current={current === w ? 'page' : undefined}>
                    {navText[w]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {user && session !== 'signed-out' && (
          <p class="ws-user">
            <span>{t.signedInAs(user.name || user.sub, user.roles.map((r) => t.roleNames[r]).join(', ') || t.noRole)}</span>{' '}
            <button type="button" class="link-button" onClick={props.onSignOut}>
              {t.signOut}
            </button>
          </p>
        )}
        <nav aria-label={web.languageNav} class="languages">
          <ul>
            {LANGS.map((l: Lang) => (
              <li key={l}>
                <a
                  href={wsHref(route, l, location.query)}
                  hreflang={l}
                  lang={l}
                  aria-current={l === lang ? 'true' : undefined}
                  data-lang={l}
                >
                  {web.langNames[l]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {session === 'expired' && (
        <div class="session-banner" role="alert">
          <p>{t.sessionExpired}</p>
          <button type="button" onClick={props.onSignInAgain}>
            {t.signInAgain}
          </button>
        </div>
      )}
      <main id="main" tabIndex={-1} class="ws-main">
        {session === 'checking' ? (
          <>
            <p class="ws-status" role="status">
              {t.checkingSession}
            </p>
            <noscript>
              <p class="banner">{t.noScript}</p>
            </noscript>
          </>
        ) : (
          props.children
        )}
      </main>
      <footer class="site-footer">
        <p class="live-status" role="status" aria-live="polite">
          {props.announcement ?? ''}
        </p>
        <p>
          <a href={lang === 'fr' ? '/' : `/?lang=${lang}`}>{t.publicSite}</a> · <a href="/graphiql">{web.graphqlApi}</a>
        </p>
      </footer>
    </>
  );
}

/** The <title> of a workspace page. */
export function wsTitleOf(route: WsRoute, lang: Lang): string {
  const t = WORKSPACE_LABELS[lang];
  const titles: Partial<Record<WsRoute['view'], string>> = {
    home: t.homeTitle,
    'sign-in': t.signInTitle,
    callback: t.signInTitle,
    lead: t.myCommitmentsTitle,
    coordinator: t.plansTitle,
    'coordinator-upload': t.uploadTitle,
    audit: t.trailTitle,
    'audit-verify': t.verifyTitle,
    'audit-compare': t.compareTitle,
    'not-found': t.notFoundTitle,
  };
  return `${titles[route.view] ?? t.workspaceName} — ${t.workspaceName}`;
}
