import { csvRow } from '@ledger/csv';

/**
 * The table as CSV (RFC 4180, CRLF), each cell neutralised against spreadsheet formulas by the
 * shared libs/csv (a cell starting with =, +, -, @, tab or CR gets a leading apostrophe).
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  // A byte-order mark so spreadsheet programs read UTF-8 (accents, Arabic) correctly.
  return `\uFEFF${rows.map((r) => csvRow([...r])).join('\r\n')}\r\n`;
}
