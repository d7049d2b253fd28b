/**
 * CSV cells that spreadsheets read as data, never as formulas (OWASP "CSV injection"): a cell
 * starting with `=`, `+`, `-`, `@`, a tab or a carriage return is run by Excel, LibreOffice and
 * Google Sheets as a formula (`=HYPERLINK(…)`, `@SUM(…)`, DDE). Such a cell is prefixed with a
 * single quote, which the spreadsheet shows as text. Browser-safe: no imports (the web pages'
 * CSV download uses it too).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The text as a spreadsheet will show it, never evaluate it. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * One RFC 4180 cell: null/undefined empty, strings as they are, anything else as JSON; formula
 * starts neutralised; quoted when it holds a quote, a comma or a line break.
 */
export function csvCell(value: unknown): string {
  const raw = value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  const text = neutraliseFormula(raw);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (no trailing line break). */
export const csvRow = (values: readonly unknown[]): string => values.map(csvCell).join(',');
