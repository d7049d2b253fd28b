import { roundHalfUp } from '@ledger/domain';
import { COMMON_LABELS, INTL_LOCALES, REPORT_LABELS, type CommonLabels, type ReportLabels } from '@ledger/i18n';
import type { ReportLang } from './report-input';

/** Everything language-dependent in a report: the words, and figures and dates through Intl. */
export interface ReportLocale {
  lang: ReportLang;
  labels: ReportLabels;
  common: CommonLabels;
  /** A rate as printed: rounded half up to whole percent, "84 %" / "84%" / "84‎%‎". */
  pct: (rate: number) => string;
  /** A figure (weight, progress) with up to two decimals: "94,5" in French. */
  num: (value: number) => string;
  /** A percent figure with up to two decimals ("94,5 %"). */
  percent: (value: number) => string;
  /** A date as the language writes it ("31 juillet 2020", "31 يوليوز 2020"); a day or an ISO instant. */
  date: (iso: string) => string;
  /** A month and year, as the charts' time axis shows it ("déc. 2020", "دجنبر 2020"). */
  month: (iso: string) => string;
  /** A date and time (UTC) for "generated on". */
  dateTime: (iso: string) => string;
  /** A whole number as the language writes it, without grouping (log positions). */
  int: (value: number | bigint) => string;
}

export function reportLocale(lang: ReportLang): ReportLocale {
  const locale = INTL_LOCALES[lang];
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const integer = new Intl.NumberFormat(locale, { useGrouping: false });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const monthYear = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const dayTime = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
  return {
    lang,
    labels: REPORT_LABELS[lang],
    common: COMMON_LABELS[lang],
    pct: (rate) => percent.format(roundHalfUp(rate) / 100),
    num: (value) => number.format(value),
    percent: (value) => percent.format(value / 100),
    date: (iso) => day.format(new Date(iso.length === 10 ? `${iso}T00:00:00.000Z` : iso)),
    month: (iso) => monthYear.format(new Date(iso)),
    dateTime: (iso) => `${dayTime.format(new Date(iso))} UTC`,
    int: (value) => integer.format(value),
  };
}
