import { directionOf, WEB_LABELS, type Lang } from '@ledger/i18n';
import type { EntryAssets } from './web-assets';

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** JSON inside <script type="application/json">: never closes the element, never runs. */
const safeJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/** The whole HTML page: server-rendered body, the state for hydration, hashed assets, no inline script. */
export function pageDocument(opts: {
  lang: Lang;
  state: unknown;
  body: string;
  title: string;
  assets: EntryAssets;
  embed?: boolean;
  noindex?: boolean;
}): string {
  const { lang, state, body, title, assets, embed = false, noindex = false } = opts;
  const head = [
    '<meta charset="utf-8"/>',
    '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
    `<title>${escapeHtml(title)}</title>`,
    `<meta name="description" content="${escapeHtml(WEB_LABELS[lang].siteName)}"/>`,
    noindex ? '<meta name="robots" content="noindex"/>' : '',
    ...assets.styles.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}"/>`),
    ...assets.preload.map((href) => `<link rel="modulepreload" href="${escapeHtml(href)}"/>`),
    assets.script ? `<script type="module" src="${escapeHtml(assets.script)}"></script>` : '',
  ].filter(Boolean);
  return `<!DOCTYPE html>
<html lang="${lang}" dir="${directionOf(lang)}">
<head>
${head.join('\n')}
</head>
<body${embed ? ' class="embed"' : ''}>
<div id="app">${body}</div>
<script type="application/json" id="page-state">${safeJson(state)}</script>
</body>
</html>
`;
}
