import { useState } from 'preact/hooks';
import { ROLES, type Role } from '@ledger/domain';
import { WORKSPACE_LABELS } from '@ledger/i18n';
import { wsHref, type WsLocation } from '@ledger/web-ui';
import type { Session, SessionSnapshot } from '../session/session';

/**
 * The sign-in page: through the OIDC provider, or (development only, when the server offers it)
 * by choosing a user and a role. Shown at /workspace/sign-in and wherever a signed-out user lands.
 */
export function SignInPage({ session, snapshot, loc }: { session: Session; snapshot: SessionSnapshot; loc: WsLocation }) {
  const t = WORKSPACE_LABELS[loc.lang];
  const settings = session.settings;
  const [busy, setBusy] = useState(false);
  const here = `${location.pathname}${location.search}`;
  const returnTo =
    loc.route.view === 'sign-in' || loc.route.view === 'callback' ? (loc.query.return ?? wsHref({ view: 'home' }, loc.lang)) : here;

  if (snapshot.status === 'signed-in' && snapshot.user)
    return (
      <>
        <h1>{t.signInTitle}</h1>
        <p>
          {t.signedInAs(snapshot.user.name || snapshot.user.sub, snapshot.user.roles.map((r) => t.roleNames[r]).join(', ') || t.noRole)}
        </p>
        <p>
          <a href={wsHref({ view: 'home' }, loc.lang)}>{t.homeTitle}</a>
        </p>
      </>
    );
  return (
    <>
      <h1>{t.signInTitle}</h1>
      {loc.query.signedOut && <p class="notice">{t.signedOut}</p>}
      {snapshot.message && (
        <p class="error-message" role="alert">
          {t.signInFailed(snapshot.message)}
        </p>
      )}
      <p>{t.signInIntro}</p>
      {settings.kind === 'oidc' && (
        <p>
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              void session.signInWithProvider(returnTo, loc.lang);
            }}
          >
            {t.signInWith(new URL(settings.issuer).host)}
          </button>
        </p>
      )}
      {settings.kind === 'dev' && <DevSignIn session={session} loc={loc} returnTo={returnTo} />}
      {settings.kind === 'none' && <p class="banner">{t.noSignIn}</p>}
    </>
  );
}

function DevSignIn({ session, loc, returnTo }: { session: Session; loc: WsLocation; returnTo: string }) {
  const t = WORKSPACE_LABELS[loc.lang];
  const [busy, setBusy] = useState(false);
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const sub = String(data.get('sub') ?? '').trim();
    const role = String(data.get('role')) as Role;
    setBusy(true);
    void session.signInDev({ sub, name: String(data.get('name') ?? '').trim() || sub, role }).then(() => {
      setBusy(false);
      if (session.snapshot.status === 'signed-in' && location.pathname.startsWith('/workspace/sign-in')) {
        history.replaceState(null, '', returnTo);
        dispatchEvent(new PopStateEvent('popstate'));
      }
    });
  };
  return (
    <section aria-labelledby="dev-heading" class="dev-sign-in">
      <h2 id="dev-heading">{t.devTitle}</h2>
      <p class="banner">{t.devWarning}</p>
      <form method="post" onSubmit={onSubmit} class="stack">
        <div class="field">
          <label for="dev-sub">{t.devUser}</label>
          <span id="dev-sub-hint" class="hint">
            {t.devUserHint}
          </span>
          <input
            id="dev-sub"
            name="sub"
            required
            autoComplete="username"
            aria-describedby="dev-sub-hint"
            defaultValue="local-user"
            dir="ltr"
          />
        </div>
        <div class="field">
          <label for="dev-name">{t.devName}</label>
          <input id="dev-name" name="name" autoComplete="name" />
        </div>
        <div class="field">
          <label for="dev-role">{t.devRole}</label>
          <select id="dev-role" name="role">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t.roleNames[r]}
              </option>
            ))}
          </select>
        </div>
        <p>
          <button type="submit" disabled={busy}>
            {t.signInButton}
          </button>
        </p>
      </form>
    </section>
  );
}
