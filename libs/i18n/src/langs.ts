/**
 * The languages the ledger speaks: French (the report's own language, the default), English and
 * Arabic (right-to-left). Browser-safe: this lib imports nothing at run time (web app and report).
 */
export const LANGS = ['fr', 'en', 'ar'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'fr';

export const isLang = (value: unknown): value is Lang => typeof value === 'string' && (LANGS as readonly string[]).includes(value);

/** Text direction of a language, for `<html dir>`. */
export const directionOf = (lang: Lang): 'ltr' | 'rtl' => (lang === 'ar' ? 'rtl' : 'ltr');

/** The Intl locale for numbers and dates (Morocco's Arabic: Latin digits, as its administration writes them). */
export const INTL_LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB', ar: 'ar-MA' };
