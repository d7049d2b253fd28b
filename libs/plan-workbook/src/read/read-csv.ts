import { parse } from 'csv-parse/sync';
import { FILE_LIMITS } from '../files/file-limits';
import { problem, refuse, type PlanProblem } from '../files/plan-problem';
import { unzip } from '../files/zip-reader';
import { SHEETS, type CellValue, type SheetRows, type WorkbookRows } from '../layout/workbook-layout';

/** The delimiter of a CSV file, from its header line: ';' (Excel in French, Decidim), ',' or a tab. */
export function detectDelimiter(text: string): string {
  const line = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, line.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/** Text a spreadsheet would read as a formula was written with a leading apostrophe: take it off. */
const unescape = (cell: string): string => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/** Parses one CSV file (UTF-8, header row first) into rows; malformed quoting is a problem at its line. */
export function parseCsv(bytes: Buffer, file: string): { headers: string[]; rows: SheetRows['rows'] } {
  if (bytes.length > FILE_LIMITS.maxFileBytes)
    refuse({ file }, 'PAYLOAD_TOO_LARGE', 'fileTooLarge', `the file is larger than ${FILE_LIMITS.maxFileBytes / 1024 / 1024} MB`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse({ file }, 'VALIDATION_FAILED', 'encoding', 'the file is not UTF-8 text: save it as "CSV UTF-8"');
  }
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text.replace(/^\ufeff/, '')),
      skip_empty_lines: false,
      to: FILE_LIMITS.maxRows + 2,
    });
  } catch (error) {
    const e = error as Error & { lines?: number };
    return refuse({ file, row: e.lines }, 'VALIDATION_FAILED', 'malformed', `not a readable CSV file (${e.message})`);
  }
  if (records.length > FILE_LIMITS.maxRows + 1)
    refuse(
      { file },
      'PAYLOAD_TOO_LARGE',
      'tooManyRows',
      `more than ${FILE_LIMITS.maxRows} rows; at most ${FILE_LIMITS.maxRows} are accepted`,
    );
  const [header = [], ...data] = records;
  return {
    headers: header.map((h) => h.trim()),
    rows: data
      .map((cells, i) => ({ row: i + 2, cells: cells.map((c): CellValue => (c.trim() === '' ? null : unescape(c))) }))
      .filter((r) => r.cells.some((c) => c !== null)),
  };
}

/** The plan sheets from CSV files named after them (plan.csv, axes.csv…), in a folder or a zip. */
export function readCsvFiles(files: ReadonlyMap<string, Buffer>): { rows: WorkbookRows; problems: PlanProblem[] } {
  const rows: WorkbookRows = {};
  const problems: PlanProblem[] = [];
  for (const [path, bytes] of files) {
    const base = path.split('/').pop()!.toLowerCase();
    const spec = SHEETS.find((s) => s.csv === base);
    if (!spec) {
      if (base.endsWith('.csv'))
        problems.push(
          problem(
            { file: path },
            'VALIDATION_FAILED',
            'unknownSheet',
            `not a sheet of the plan workbook (files: ${SHEETS.map((s) => s.csv).join(', ')})`,
          ),
        );
      continue;
    }
    const { headers, rows: data } = parseCsv(bytes, path);
    rows[spec.name] = { name: spec.name, file: path, headers, rows: data };
  }
  return { rows, problems };
}

/** The plan's CSV files from a zip (at its root or in one folder); unpacking is bounded. */
export function readCsvZip(bytes: Buffer, file = 'plan.zip'): { rows: WorkbookRows; problems: PlanProblem[] } {
  if (bytes.length > FILE_LIMITS.maxFileBytes)
    refuse({ file }, 'PAYLOAD_TOO_LARGE', 'fileTooLarge', `the file is larger than ${FILE_LIMITS.maxFileBytes / 1024 / 1024} MB`);
  const files = unzip(bytes, file, (name) => name.toLowerCase().endsWith('.csv') && !name.startsWith('__MACOSX/'));
  return readCsvFiles(files);
}
