import type { ComponentChildren } from 'preact';
import { LANGS, WEB_LABELS, type Lang } from '@ledger/i18n';
import { formatterFor } from '../format';
import { hrefOf, isPast, keptParams, type PageParams, type Route } from '../route';
import { AsOfBanner } from './time-travel';

export type LiveStatus = 'off' | 'connecting' | 'live' | 'reconnecting';

export interface LastUpdate {
  at: string | null;
  position: string | null;
}

/** The frame of every page: skip link, header with navigation and languages, main, footer with "last updated". */
export function Shell(props: {
  route: Route;
  params: PageParams;
  lastUpdate?: LastUpdate;
  live: LiveStatus;
  announcement?: string;
  children: ComponentChildren;
}) {
  const { route, params, lastUpdate, live } = props;
  const labels = WEB_LABELS[params.lang];
  const fmt = formatterFor(params.lang);
  const liveText = { off: '', connecting: labels.liveConnecting, live: labels.liveOn, reconnecting: labels.liveReconnecting }[live];
  return (
    <>
      <a class="skip-link" href="#main">
        {labels.skipToContent}
      </a>
      <header class="site-header">
        <a class="site-name" href={hrefOf({ page: 'plans' }, keptParams(params))}>
          {labels.siteName}
        </a>
        <nav aria-label={labels.languageNav} class="languages">
          <ul>
            {LANGS.map((lang: Lang) => (
              <li key={lang}>
                <a
                  href={hrefOf(route, { ...params, lang })}
                  hreflang={lang}
                  lang={lang}
                  aria-current={lang === params.lang ? 'true' : undefined}
                  data-lang={lang}
                >
                  {labels.langNames[lang]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {isPast(params) && <AsOfBanner params={params} labels={labels} fmt={fmt} />}
        {props.children}
      </main>
      <footer class="site-footer">
        <p class="last-updated" data-position={lastUpdate?.position ?? ''}>
          {lastUpdate?.at && lastUpdate.position
            ? labels.lastUpdated(fmt.dateTime(lastUpdate.at), lastUpdate.position)
            : labels.neverUpdated}
        </p>
        <p class="live-status" role="status" aria-live="polite">
          {liveText}
          {props.announcement ? ` — ${props.announcement}` : ''}
        </p>
        <p class="formula">{labels.rateFormula}</p>
        <p>
          <a href="/graphiql">{labels.graphqlApi}</a>
        </p>
      </footer>
    </>
  );
}
