/**
 * Decidim Accountability's results CSV (its admin "Import results from CSV" and the export use
 * the same columns, ';'-separated by default): `id`, `parent/id` (a result's parent, so
 * top-level results and their children), `external_id`, `title/<locale>`,
 * `description/<locale>` (HTML), `category/id`, `category/name/<locale>`, `scope/*`,
 * `start_date`, `end_date`, `status/id`, `status/key`, `status/name/<locale>`, `progress`
 * (0–100), `weight` (a child's share of its parent's progress), `proposal_urls`, `url`,
 * `created_at`, `component/id`.
 *
 * Mapping: a top-level result is a commitment, its children are the commitment's activities
 * (progress → figure, weight → weight), its category is the axis, `external_id` carries the
 * ledger's ids so a round trip keeps the numbers.
 */
export const DECIDIM_DELIMITER = ';';

export const decidimHeaders = (lang: string): string[] => [
  'id',
  'parent/id',
  'external_id',
  `title/${lang}`,
  `description/${lang}`,
  'category/id',
  `category/name/${lang}`,
  'start_date',
  'end_date',
  'status/id',
  'status/key',
  `status/name/${lang}`,
  'progress',
  'weight',
];

/** Columns the ledger reads; any other column present in a file is reported as not carried over. */
export const DECIDIM_READ = [
  /^id$/,
  /^parent\/id$/,
  /^external_id$/,
  /^title\//,
  /^description\//,
  /^category\/name\//,
  /^progress$/,
  /^weight$/,
];

/** Plain text from Decidim's HTML descriptions (paragraphs become lines). */
export function textOfHtml(html: string): string {
  return html
    .replace(/<\/(p|div|li|h\d)>|<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** A lower-case slug for an axis id from a category name ("Accès à l'information" → "acces-a-l-information"). */
export function slugOf(text: string): string {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return slug || 'axis';
}
