import { useEffect, useMemo, useState } from 'preact/hooks';
import { directionOf, WEB_LABELS, WORKSPACE_LABELS } from '@ledger/i18n';
import { formatterFor, mayOpen, WorkspaceShell, wsHref, wsTitleOf, type WsLocation, type WsPageState } from '@ledger/web-ui';
import { Api } from './api';
import type { Ws } from './context';
import { WsContext } from './context';
import { currentLocation, interceptNavigation } from './router';
import { Session, type SessionSnapshot } from './session/session';
import { SignInPage } from './views/sign-in';
import { ViewOf } from './views/view-of';

/**
 * The workspaces in the browser: hydrates the server's frame ("checking your sign-in"), signs in
 * (silently when it can), then renders the view of the address from the public GraphQL API.
 */
export function WorkspaceApp({ initial }: { initial: WsPageState }) {
  const session = useMemo(() => new Session(initial.signIn), []);
  const api = useMemo(() => new Api(session), []);
  const [loc, setLoc] = useState<WsLocation>(initial.location);
  const [snap, setSnap] = useState<SessionSnapshot>({ status: 'checking' });
  const [announcement, setAnnouncement] = useState('');

  const navigate = (href: string, replace = false) => {
    history[replace ? 'replaceState' : 'pushState'](null, '', href);
    setLoc(currentLocation());
    if (!replace) {
      window.scrollTo(0, 0);
      // Like a page load for keyboard and screen reader users: focus goes to the new content.
      setTimeout(() => document.getElementById('main')?.focus({ preventScroll: true }), 0);
    }
  };

  useEffect(() => {
    const stop = session.subscribe(setSnap);
    void session.start(initial.location.lang).then((next) => next && navigate(next, true));
    const stopLinks = interceptNavigation((href) => navigate(href));
    const onPop = () => setLoc(currentLocation());
    addEventListener('popstate', onPop);
    return () => {
      stop();
      stopLinks();
      removeEventListener('popstate', onPop);
    };
  }, []);

  useEffect(() => {
    document.title = wsTitleOf(loc.route, loc.lang);
    document.documentElement.lang = loc.lang;
    document.documentElement.dir = directionOf(loc.lang);
  }, [loc.route, loc.lang]);

  useEffect(() => {
    document.documentElement.dataset.session = snap.status;
    if (snap.status !== 'checking') document.documentElement.dataset.enhanced = 'true';
  }, [snap.status]);

  const signOut = () => void session.signOut().then((to) => (to.startsWith('/workspace') ? navigate(to) : location.assign(to)));
  const ws: Ws | undefined = snap.user
    ? {
        api,
        session,
        user: snap.user,
        loc,
        t: WORKSPACE_LABELS[loc.lang],
        web: WEB_LABELS[loc.lang],
        fmt: formatterFor(loc.lang),
        navigate,
        announce: setAnnouncement,
        href: (route, query) => wsHref(route, loc.lang, query),
      }
    : undefined;
  const key = `${location.pathname}${location.search}`;

  return (
    <WorkspaceShell
      location={loc}
      session={snap.status}
      user={snap.user}
      onSignOut={signOut}
      onSignInAgain={() => void session.signInAgain(loc.lang)}
      announcement={announcement}
    >
      {snap.status === 'signed-out' || loc.route.view === 'sign-in' || loc.route.view === 'callback' || !ws ? (
        <SignInPage session={session} snapshot={snap} loc={loc} />
      ) : (
        <WsContext.Provider value={ws}>
          <div data-renewals={session.renewals}>
            {mayOpen(loc.route.view, ws.user.roles) ? <ViewOf key={key} route={loc.route} /> : <NotAllowed ws={ws} />}
          </div>
        </WsContext.Provider>
      )}
    </WorkspaceShell>
  );
}

function NotAllowed({ ws }: { ws: Ws }) {
  const { t, loc, user } = ws;
  const needed = loc.route.view.startsWith('lead')
    ? ['lead']
    : loc.route.view.startsWith('coordinator')
      ? ['coordinator']
      : ['auditor', 'coordinator'];
  const names = (roles: readonly string[]) => roles.map((r) => t.roleNames[r as keyof typeof t.roleNames]).join(', ');
  return (
    <>
      <h1>{t.notAllowedTitle}</h1>
      <p>{t.notAllowedBody(names(needed), names(user.roles) || t.noRole)}</p>
      <p>
        <a href={ws.href({ view: 'home' })}>{t.homeTitle}</a>
      </p>
    </>
  );
}
