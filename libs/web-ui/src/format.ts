import { roundHalfUp } from '@ledger/domain';
import { INTL_LOCALES, type Lang } from '@ledger/i18n';

/** Numbers and dates through Intl for the page's language. Rates round half up, like the report. */
export interface Formatter {
  lang: Lang;
  /** "84 %" (or the locale's way of writing it); null rates are written by the caller. */
  percent(rate: number): string;
  number(value: number): string;
  /** A calendar day: 31 décembre 2019. */
  day(iso: string): string;
  /** A day and time: 30 juin 2021 à 12:00 (UTC). */
  dateTime(iso: string): string;
  /** Months for chart axes: déc. 2019. */
  month(iso: string): string;
}

const cache = new Map<Lang, Formatter>();

export function formatterFor(lang: Lang): Formatter {
  const hit = cache.get(lang);
  if (hit) return hit;
  const locale = INTL_LOCALES[lang];
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const safe = (f: Intl.DateTimeFormat, iso: string) => {
    const t = Date.parse(iso);
    return Number.isNaN(t) ? iso : f.format(t);
  };
  const formatter: Formatter = {
    lang,
    percent: (rate) => pct.format(roundHalfUp(rate) / 100),
    number: (value) => num.format(value),
    day: (iso) => safe(day, iso.length === 10 ? `${iso}T00:00:00Z` : iso),
    dateTime: (iso) => safe(dateTime, iso),
    month: (iso) => safe(month, iso),
  };
  cache.set(lang, formatter);
  return formatter;
}

// One definition for the pages and the audit summaries (libs/i18n): French titles on an Arabic page keep their order.
export { isolate } from '@ledger/i18n';
