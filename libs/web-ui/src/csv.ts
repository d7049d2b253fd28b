/**
 * CSV (RFC 4180, comma, CRLF) whose cells cannot run as formulas in a spreadsheet: a cell starting
 * with =, +, -, @, a tab or a carriage return gets a leading apostrophe (OWASP "CSV injection").
 */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

const quote = (cell: string): string => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  // A byte-order mark so spreadsheet programs read UTF-8 (accents, Arabic) correctly.
  return `\uFEFF${rows.map((r) => r.map((c) => quote(neutralise(c === null || c === undefined ? '' : String(c)))).join(',')).join('\r\n')}\r\n`;
}
