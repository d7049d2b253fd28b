import { workspacesOf, type WsRoute } from '@ledger/web-ui';
import { useWs } from '../context';

/** Where a signed-in user starts: the workspaces their roles open. */
export function Home() {
  const { t, user, href } = useWs();
  const spaces = workspacesOf(user.roles);
  const details: Record<(typeof spaces)[number], { route: WsRoute; title: string; text: string }> = {
    lead: { route: { view: 'lead' }, title: t.navLead, text: t.homeLead },
    coordinator: { route: { view: 'coordinator' }, title: t.navCoordinator, text: t.homeCoordinator },
    audit: { route: { view: 'audit' }, title: t.navAudit, text: t.homeAudit },
  };
  return (
    <>
      <h1>{t.homeTitle}</h1>
      {spaces.length === 0 ? (
        <p class="banner">{t.homeNoRole}</p>
      ) : (
        <>
          <p>{t.homeIntro}</p>
          <ul class="cards">
            {spaces.map((s) => (
              <li key={s}>
                <h2>
                  <a href={href(details[s].route)}>{details[s].title}</a>
                </h2>
                <p>{details[s].text}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
