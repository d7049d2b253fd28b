import type { Role } from '@ledger/domain';
import { DEFAULT_LANG, isLang, type Lang } from '@ledger/i18n';

/** Every workspace view has a URL under /workspace (API.md "Pages"); its state is in query parameters. */
export type WsRoute =
  | { view: 'home' }
  | { view: 'sign-in' }
  | { view: 'callback' }
  | { view: 'lead' }
  | { view: 'lead-commitment'; id: string }
  | { view: 'lead-activity'; id: string }
  | { view: 'coordinator' }
  | { view: 'coordinator-plan'; id: string }
  | { view: 'coordinator-commitment'; id: string }
  | { view: 'coordinator-meeting'; id: string }
  | { view: 'coordinator-upload' }
  | { view: 'audit' }
  | { view: 'audit-event'; id: string }
  | { view: 'audit-verify' }
  | { view: 'audit-compare' }
  | { view: 'not-found' };

export type WsView = WsRoute['view'];

/** A workspace URL read: the view, the language, and the view's own query parameters. */
export interface WsLocation {
  route: WsRoute;
  lang: Lang;
  query: Record<string, string>;
}

const ID = /^[\w.-]{1,120}$/;
const POSITION = /^\d{1,20}$/;
const PREFIX = '/workspace';

const FIXED: Record<string, WsRoute> = {
  '': { view: 'home' },
  'sign-in': { view: 'sign-in' },
  callback: { view: 'callback' },
  lead: { view: 'lead' },
  coordinator: { view: 'coordinator' },
  'coordinator/upload': { view: 'coordinator-upload' },
  audit: { view: 'audit' },
  'audit/verify': { view: 'audit-verify' },
  'audit/compare': { view: 'audit-compare' },
};

export function parseWsRoute(pathname: string): WsRoute {
  if (pathname !== PREFIX && !pathname.startsWith(`${PREFIX}/`)) return { view: 'not-found' };
  let parts: string[];
  try {
    parts = pathname.slice(PREFIX.length).split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return { view: 'not-found' };
  }
  const fixed = FIXED[parts.join('/')];
  if (fixed) return fixed;
  const [a, b, c, d] = parts;
  if (parts.length === 3 && a === 'lead' && b === 'commitment' && ID.test(c)) return { view: 'lead-commitment', id: c };
  if (parts.length === 3 && a === 'lead' && b === 'activity' && ID.test(c)) return { view: 'lead-activity', id: c };
  if (parts.length === 3 && a === 'coordinator' && b === 'plan' && ID.test(c)) return { view: 'coordinator-plan', id: c };
  if (parts.length === 4 && a === 'coordinator' && b === 'plan' && ID.test(c) && d === 'meeting')
    return { view: 'coordinator-meeting', id: c };
  if (parts.length === 3 && a === 'coordinator' && b === 'commitment' && ID.test(c)) return { view: 'coordinator-commitment', id: c };
  if (parts.length === 3 && a === 'audit' && b === 'event' && POSITION.test(c)) return { view: 'audit-event', id: c };
  return { view: 'not-found' };
}

export function wsPath(route: WsRoute): string {
  const id = 'id' in route ? encodeURIComponent(route.id) : '';
  switch (route.view) {
    case 'home':
    case 'not-found':
      return PREFIX;
    case 'lead-commitment':
      return `${PREFIX}/lead/commitment/${id}`;
    case 'lead-activity':
      return `${PREFIX}/lead/activity/${id}`;
    case 'coordinator-plan':
      return `${PREFIX}/coordinator/plan/${id}`;
    case 'coordinator-meeting':
      return `${PREFIX}/coordinator/plan/${id}/meeting`;
    case 'coordinator-commitment':
      return `${PREFIX}/coordinator/commitment/${id}`;
    case 'coordinator-upload':
      return `${PREFIX}/coordinator/upload`;
    case 'audit-event':
      return `${PREFIX}/audit/event/${id}`;
    case 'audit-verify':
      return `${PREFIX}/audit/verify`;
    case 'audit-compare':
      return `${PREFIX}/audit/compare`;
    default:
      return `${PREFIX}/${route.view}`;
  }
}

/** Parameters a view reads, besides `lang`: bounded in number and length (a bad link still shows a page). */
export function parseWsQuery(query: { forEach(cb: (value: string, key: string) => void): void }): {
  lang: Lang;
  query: Record<string, string>;
} {
  let lang: Lang = DEFAULT_LANG;
  const out: Record<string, string> = {};
  let count = 0;
  query.forEach((value, key) => {
    if (key === 'lang') {
      if (isLang(value)) lang = value;
    } else if (/^[\w.-]{1,40}$/.test(key) && count < 40 && value.trim()) {
      // Repeated keys (event types) are joined with commas.
      out[key] = out[key] ? `${out[key]},${value.trim().slice(0, 400)}` : value.trim().slice(0, 400);
      count++;
    }
  });
  return { lang, query: out };
}

/** The URL of a view: its path, the language when not the default, then the given parameters (empty ones left out). */
export function wsHref(route: WsRoute, lang: Lang, query: Record<string, string | undefined> = {}): string {
  const parts: string[] = [];
  if (lang !== DEFAULT_LANG) parts.push(`lang=${lang}`);
  for (const [k, v] of Object.entries(query)) if (v) parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  return wsPath(route) + (parts.length ? `?${parts.join('&')}` : '');
}

/** Which roles may open a view (the server refuses the writes and hidden reads anyway). */
export function rolesFor(view: WsView): readonly Role[] | 'anyone' {
  if (view.startsWith('lead')) return ['lead'];
  if (view.startsWith('coordinator')) return ['coordinator'];
  // Coordinators see event metadata and may verify the ledger too.
  if (view.startsWith('audit')) return ['auditor', 'coordinator'];
  return 'anyone';
}

export const mayOpen = (view: WsView, roles: readonly Role[]): boolean => {
  const allowed = rolesFor(view);
  return allowed === 'anyone' || allowed.some((r) => roles.includes(r));
};

/** The workspaces a user's roles open, in the order the navigation lists them. */
export function workspacesOf(roles: readonly Role[]): Array<'lead' | 'coordinator' | 'audit'> {
  return (['lead', 'coordinator', 'audit'] as const).filter((w) => mayOpen(w, roles));
}
