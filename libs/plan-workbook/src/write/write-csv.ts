import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from '@ledger/csv';

// Text a spreadsheet would run as a formula gets a leading apostrophe (libs/csv; the CSV reader takes it off).
const escape = (cell: unknown): unknown => (typeof cell === 'string' ? neutraliseFormula(cell) : cell);
import { SHEETS } from '../layout/workbook-layout';
import type { SheetTable } from './plan-to-rows';

/** The sheets as CSV files (UTF-8 with a byte-order mark, so spreadsheet programs read the accents). */
export function writeCsvFiles(tables: readonly SheetTable[], delimiter = ','): Map<string, string> {
  const files = new Map<string, string>();
  for (const table of tables) {
    const spec = SHEETS.find((s) => s.name === table.name)!;
    const text = stringify([table.headers, ...table.rows.map((r) => r.map(escape))], { delimiter, record_delimiter: '\r\n' });
    files.set(spec.csv, `\ufeff${text}`);
  }
  return files;
}
