import type { DataValidation, Worksheet } from 'exceljs';
import { exceljs } from '../files/load-exceljs';
import { SHEETS, TEMPLATE_NAME, TEMPLATE_VERSION, type ColumnKind, type SheetSpec } from '../layout/workbook-layout';
import type { SheetTable } from './plan-to-rows';

/** Rows given data validation in an empty template (and below the data of an export). */
const VALIDATED_ROWS = 500;

const list = (values: string[], title: string): DataValidation => ({
  type: 'list',
  allowBlank: true,
  formulae: [`"${values.join(',')}"`],
  showErrorMessage: true,
  errorTitle: title,
  error: `One of ${values.join(', ')}`,
});

/** What Excel and LibreOffice check as the cell is typed (the import checks everything again). */
function validationOf(kind: ColumnKind, header: string): DataValidation | undefined {
  switch (kind) {
    case 'band':
      return list(['NOT_STARTED', 'LIMITED', 'SUBSTANTIAL', 'COMPLETE'], header);
    case 'lifecycle':
      return list(['ACTIVE', 'SUSPENDED', 'CANCELLED'], header);
    case 'actionKind':
      return list(['DONE', 'NOT_DONE', 'ADDITIONAL'], header);
    case 'day':
      return {
        type: 'date',
        operator: 'greaterThan',
        allowBlank: true,
        formulae: [new Date(Date.UTC(1990, 0, 1))],
        showErrorMessage: true,
        errorTitle: header,
        error: 'A date after 1990-01-01 (YYYY-MM-DD)',
      };
    case 'integer':
      return {
        type: 'whole',
        operator: 'greaterThanOrEqual',
        allowBlank: true,
        formulae: [1],
        showErrorMessage: true,
        errorTitle: header,
        error: 'A whole number, 1 or more',
      };
    case 'number':
      return header === 'Progress'
        ? {
            type: 'decimal',
            operator: 'between',
            allowBlank: true,
            formulae: [0, 100],
            showErrorMessage: true,
            errorTitle: header,
            error: 'Percent, 0 to 100',
          }
        : {
            type: 'decimal',
            operator: 'greaterThan',
            allowBlank: true,
            formulae: [0],
            showErrorMessage: true,
            errorTitle: header,
            error: 'Greater than 0',
          };
    default:
      return undefined;
  }
}

const asDate = (day: unknown): unknown =>
  typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T00:00:00.000Z`) : day;

function fillSheet(ws: Worksheet, spec: SheetSpec, table: SheetTable | undefined): void {
  ws.columns = spec.columns.map((c) => ({
    header: c.header,
    width: c.kind === 'longText' ? 48 : c.kind === 'text' ? 36 : c.kind === 'computed' ? 18 : 16,
    style:
      c.kind === 'day' ? { numFmt: 'yyyy-mm-dd' } : c.kind === 'computed' ? { font: { italic: true, color: { argb: 'FF4A5568' } } } : {},
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  spec.columns.forEach((c, i) => (header.getCell(i + 1).note = c.note));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of table?.rows ?? []) ws.addRow(row.map((cell, i) => (spec.columns[i].kind === 'day' ? asDate(cell) : cell)));
  const last = Math.max(VALIDATED_ROWS, (table?.rows.length ?? 0) + VALIDATED_ROWS);
  spec.columns.forEach((c, i) => {
    const validation = validationOf(c.kind, c.header);
    if (!validation) return;
    for (let r = 2; r <= last; r++) ws.getCell(r, i + 1).dataValidation = validation;
  });
}

/**
 * The plan workbook as XLSX: an About sheet (template name and version, how to fill it), then one
 * sheet per part of the plan with header notes and data validation. Without tables: the empty template.
 */
export async function writeXlsx(tables: readonly SheetTable[] = []): Promise<Buffer> {
  const wb = new (exceljs().Workbook)();
  wb.creator = 'opengov-ledger';
  // Fixed document dates: the file says nothing about when or where it was exported.
  wb.created = wb.modified = new Date(Date.UTC(2020, 0, 1));
  const about = wb.addWorksheet('About');
  about.columns = [{ width: 28 }, { width: 100 }];
  about.addRows([
    ['Template', TEMPLATE_NAME],
    ['Template version', TEMPLATE_VERSION],
    [
      'How to fill it',
      'One sheet per part of the plan; row 1 holds the column names (hover them for what to write). Fill Plan, Axes, Commitments and Activities; Leads, Actions and Communication are optional.',
    ],
    ['Import', 'ledger import plan.xlsx --dry-run  (checks everything and writes nothing), then without --dry-run.'],
    ['Computed columns', 'Implementation rate and IRM completion are written by the ledger in exports and ignored on import.'],
    ...SHEETS.map((s) => [s.name, s.note]),
  ]);
  about.getColumn(1).font = { bold: true };
  for (const spec of SHEETS)
    fillSheet(
      wb.addWorksheet(spec.name),
      spec,
      tables.find((t) => t.name === spec.name),
    );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
