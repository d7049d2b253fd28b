import type { ActivityStatus } from '@ledger/domain';
import { DEFAULT_LANG, isLang, type CommitmentSortKey, type Lang } from '@ledger/i18n';

/** Every view has a URL: the page, then its state in query parameters (API.md "Pages"). */
export type Route =
  | { page: 'plans' }
  | { page: 'plan'; id: string }
  | { page: 'commitment'; id: string }
  | { page: 'embed-plan'; id: string }
  | { page: 'embed-commitment'; id: string }
  | { page: 'not-found' };

export type SortDir = 'asc' | 'desc';

/** The query parameters a page reads; absent ones take their defaults. */
export interface PageParams {
  lang: Lang;
  /** As effective on this day (YYYY-MM-DD), as known now. */
  asOf?: string;
  /** The commitments table: axis, band, words, sort. */
  axis?: string;
  band?: ActivityStatus;
  q?: string;
  sort?: CommitmentSortKey;
  dir?: SortDir;
}

const BANDS: readonly string[] = ['NOT_STARTED', 'LIMITED', 'SUBSTANTIAL', 'COMPLETE'];
const SORTS: readonly string[] = ['number', 'title', 'axis', 'lead', 'rate', ...BANDS];
const ID = /^[\w.-]{1,120}$/;

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { page: 'plans' };
  const [a, b, c] = parts;
  if (parts.length === 2 && a === 'plan' && ID.test(b)) return { page: 'plan', id: b };
  if (parts.length === 2 && a === 'commitment' && ID.test(b)) return { page: 'commitment', id: b };
  if (parts.length === 3 && a === 'embed' && b === 'plan' && ID.test(c)) return { page: 'embed-plan', id: c };
  if (parts.length === 3 && a === 'embed' && b === 'commitment' && ID.test(c)) return { page: 'embed-commitment', id: c };
  return { page: 'not-found' };
}

/** A real calendar day, YYYY-MM-DD. */
export const isDay = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/** Reads the parameters, dropping any that is not valid (a bad link still shows a page). */
export function parseParams(query: { get(name: string): string | null }): PageParams {
  const text = (name: string) => query.get(name)?.trim() || undefined;
  const lang = text('lang');
  const asOf = text('asOf');
  const band = text('band');
  const sort = text('sort');
  const dir = text('dir');
  const axis = text('axis');
  const q = text('q');
  return {
    lang: isLang(lang) ? lang : DEFAULT_LANG,
    asOf: asOf && isDay(asOf) ? asOf : undefined,
    axis: axis && ID.test(axis) ? axis : undefined,
    band: band && BANDS.includes(band) ? (band as ActivityStatus) : undefined,
    q: q ? q.slice(0, 200) : undefined,
    sort: sort && SORTS.includes(sort) ? (sort as CommitmentSortKey) : undefined,
    dir: dir === 'asc' || dir === 'desc' ? dir : undefined,
  };
}

export function pathOf(route: Route): string {
  switch (route.page) {
    case 'plans':
    case 'not-found':
      return '/';
    case 'plan':
      return `/plan/${encodeURIComponent(route.id)}`;
    case 'commitment':
      return `/commitment/${encodeURIComponent(route.id)}`;
    case 'embed-plan':
      return `/embed/plan/${encodeURIComponent(route.id)}`;
    case 'embed-commitment':
      return `/embed/commitment/${encodeURIComponent(route.id)}`;
  }
}

/** The query string of the parameters that differ from their defaults ("" when none). */
export function queryOf(params: Partial<PageParams>): string {
  const out: string[] = [];
  const add = (name: string, value: string | undefined) => {
    if (value) out.push(`${name}=${encodeURIComponent(value)}`);
  };
  add('lang', params.lang && params.lang !== DEFAULT_LANG ? params.lang : undefined);
  add('asOf', params.asOf);
  add('axis', params.axis);
  add('band', params.band);
  add('q', params.q);
  add('sort', params.sort && params.sort !== 'number' ? params.sort : undefined);
  add('dir', params.dir && params.dir !== 'asc' ? params.dir : undefined);
  return out.length ? `?${out.join('&')}` : '';
}

export const hrefOf = (route: Route, params: Partial<PageParams>): string => pathOf(route) + queryOf(params);

/** What carries over from page to page: the language and the date being looked at. */
export const keptParams = (p: PageParams): Partial<PageParams> => ({ lang: p.lang, asOf: p.asOf });

/**
 * The page shows the past (not live). Public pages travel on the effective date only: "as known to
 * the ledger at" is about recording times, which only auditors and coordinators may query.
 */
export const isPast = (p: PageParams): boolean => Boolean(p.asOf);

/** `<planId>.<number>` → planId. */
export const planIdOf = (commitmentId: string): string => commitmentId.slice(0, commitmentId.lastIndexOf('.'));

/** End of the asked day, UTC: "as effective on 2019-12-31" includes that whole day. */
export const endOfDay = (day: string): string => `${day}T23:59:59.999Z`;
