import type { CellValue as ExcelValue, Workbook, Worksheet } from 'exceljs';
import { FILE_LIMITS } from '../files/file-limits';
import { exceljs } from '../files/load-exceljs';
import { problem, refuse, type PlanProblem } from '../files/plan-problem';
import { isZip, unzip } from '../files/zip-reader';
import { columnLetter, SHEET_NAMES, TEMPLATE_VERSION, type CellValue, type SheetName, type WorkbookRows } from '../layout/workbook-layout';

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Size, encryption, macros and zip bombs are judged on the bytes, before any parser sees them. */
export function checkXlsxBytes(bytes: Buffer, file: string): void {
  if (bytes.length > FILE_LIMITS.maxFileBytes)
    refuse(
      { file },
      'PAYLOAD_TOO_LARGE',
      'fileTooLarge',
      `the file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; at most ${FILE_LIMITS.maxFileBytes / 1024 / 1024} MB are accepted`,
    );
  if (bytes.subarray(0, 8).equals(CFB_MAGIC)) {
    // Office wraps an encrypted XLSX in a compound file with an EncryptionInfo stream; older .xls files are compound files too.
    if (bytes.includes(Buffer.from('EncryptionInfo', 'utf16le')))
      refuse({ file }, 'VALIDATION_FAILED', 'passwordProtected', 'the workbook is password-protected: save a copy without a password');
    refuse({ file }, 'VALIDATION_FAILED', 'legacyFormat', 'this is an Excel 97–2003 (.xls) file: save it as .xlsx');
  }
  if (!isZip(bytes)) refuse({ file }, 'VALIDATION_FAILED', 'malformed', 'not an XLSX workbook (an .xlsx file is a zip archive)');
  const parts = unzip(bytes, file);
  const names = [...parts.keys()];
  const types = parts.get('[Content_Types].xml')?.toString('utf8') ?? '';
  if (names.some((n) => /vbaProject\.bin$/i.test(n)) || /macroEnabled/i.test(types))
    refuse({ file }, 'VALIDATION_FAILED', 'macros', 'the workbook carries macros (.xlsm): save it as a plain .xlsx workbook');
  if (!parts.has('xl/workbook.xml')) refuse({ file }, 'VALIDATION_FAILED', 'malformed', 'not an XLSX workbook (no xl/workbook.xml)');
}

/**
 * Reads the plan sheets of an XLSX workbook. Formulas are never evaluated: their saved value is
 * used, and a formula saved without a value is a problem at its cell.
 */
export async function readXlsx(bytes: Buffer, file = 'workbook'): Promise<{ rows: WorkbookRows; problems: PlanProblem[] }> {
  checkXlsxBytes(bytes, file);
  const workbook = new (exceljs().Workbook)();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    refuse({ file }, 'VALIDATION_FAILED', 'malformed', `not a readable XLSX workbook (${(error as Error).message})`);
  }
  const problems: PlanProblem[] = [];
  const rows: WorkbookRows = {};
  checkVersion(workbook, problems);
  for (const sheet of workbook.worksheets) {
    const name = SHEET_NAMES.find((n) => n.toLowerCase() === sheet.name.trim().toLowerCase());
    if (name) rows[name] = readSheet(sheet, name, problems);
  }
  return { rows, problems };
}

function checkVersion(workbook: Workbook, problems: PlanProblem[]): void {
  const about = workbook.worksheets.find((s) => s.name.trim().toLowerCase() === 'about');
  const version = about?.getCell('B2').value;
  if (typeof version === 'number' && version > TEMPLATE_VERSION)
    problems.push(
      problem(
        { sheet: 'About', cell: 'B2' },
        'VALIDATION_FAILED',
        'templateVersion',
        `template version ${version} is newer than this ledger reads (${TEMPLATE_VERSION})`,
      ),
    );
}

function readSheet(sheet: Worksheet, name: SheetName, problems: PlanProblem[]) {
  if (sheet.rowCount > FILE_LIMITS.maxRows + 1)
    refuse({ sheet: name }, 'PAYLOAD_TOO_LARGE', 'tooManyRows', `${sheet.rowCount - 1} rows; at most ${FILE_LIMITS.maxRows} are accepted`);
  const width = Math.min(sheet.columnCount, FILE_LIMITS.maxColumns);
  const headers: string[] = [];
  const out: Array<{ row: number; cells: CellValue[] }> = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      const column = rowNumber > 1 && headers[c - 1] ? headers[c - 1] : undefined;
      const value = plain(cell.value, { sheet: name, row: rowNumber, column, cell: `${columnLetter(c - 1)}${rowNumber}` }, problems);
      // 50 % typed in a percent-formatted cell is stored as 0.5: the sheet shows 50, so the ledger reads 50.
      cells.push(typeof value === 'number' && /%/.test(cell.numFmt ?? '') ? Math.round(value * 100 * 1e9) / 1e9 : value);
    }
    if (rowNumber === 1) headers.push(...cells.map((v) => (v === null ? '' : String(v).trim())));
    else if (cells.some((v) => v !== null && v !== '')) out.push({ row: rowNumber, cells });
  });
  return { name, headers, rows: out };
}

/** A cell's value as plain data; formulas give their saved result, never a computed one. */
function plain(
  value: ExcelValue,
  place: { sheet: string; row: number; column?: string; cell: string },
  problems: PlanProblem[],
): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('formula' in value || 'sharedFormula' in value) {
    const formula = 'formula' in value && value.formula ? value.formula : (value as { sharedFormula: string }).sharedFormula;
    if (value.result === undefined || value.result === null) {
      problems.push(
        problem(
          place,
          'VALIDATION_FAILED',
          'formula',
          `a formula without a saved value (=${formula}); formulas are not evaluated: type the value, or open and save the file in a spreadsheet program`,
        ),
      );
      return null;
    }
    return plain(value.result as ExcelValue, place, problems);
  }
  if ('error' in value) {
    problems.push(problem(place, 'VALIDATION_FAILED', 'cellError', `the cell holds the error ${value.error}`));
    return null;
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value) return String(value.text);
  return null;
}
