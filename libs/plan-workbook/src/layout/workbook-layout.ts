/**
 * The plan workbook, version 1: one sheet per part of the plan (the same sheets as CSV files in a
 * folder or zip). Headers are matched case-insensitively; row 1 is the header, data from row 2.
 * Changing a header or a sheet name is a new TEMPLATE_VERSION (docs/plan-workbook.md).
 */
export const TEMPLATE_VERSION = 1;
export const TEMPLATE_NAME = 'opengov-ledger plan workbook';

export type ColumnKind =
  'id' | 'text' | 'longText' | 'integer' | 'number' | 'day' | 'dateText' | 'band' | 'lifecycle' | 'actionKind' | 'computed';

export interface ColumnSpec {
  header: string;
  kind: ColumnKind;
  required?: boolean;
  /** What to write in the cell; shown as the header's note in the template. */
  note: string;
}

export interface SheetSpec {
  name: SheetName;
  /** File name in a CSV folder or zip. */
  csv: string;
  note: string;
  columns: readonly ColumnSpec[];
  /** At least one data row (Plan: exactly one). */
  required: boolean;
}

export const SHEET_NAMES = ['Plan', 'Axes', 'Commitments', 'Activities', 'Leads', 'Actions', 'Communication'] as const;
export type SheetName = (typeof SHEET_NAMES)[number];

const DATE_NOTE = 'A date (a date cell, or YYYY-MM-DD).';

export const SHEETS: readonly SheetSpec[] = [
  {
    name: 'Plan',
    csv: 'plan.csv',
    required: true,
    note: 'Exactly one row: the action plan.',
    columns: [
      {
        header: 'Id',
        kind: 'id',
        required: true,
        note: 'Short id, lower-case letters, digits and dashes, e.g. "ma-2021-2023". Never changes.',
      },
      { header: 'Country', kind: 'text', required: true, note: 'Country or local government, e.g. "Maroc".' },
      { header: 'Title', kind: 'text', required: true, note: 'Title of the action plan.' },
      { header: 'Period', kind: 'text', required: true, note: 'E.g. "2021-2023".' },
      { header: 'Start date', kind: 'day', required: true, note: `When the plan took effect: its structure is dated then. ${DATE_NOTE}` },
      { header: 'Source', kind: 'longText', note: 'Optional: where the content comes from.' },
      {
        header: 'Note',
        kind: 'longText',
        note: 'Optional: what is reconstructed or estimated, and how (kept with the file; the ledger stores facts, not notes).',
      },
    ],
  },
  {
    name: 'Axes',
    csv: 'axes.csv',
    required: true,
    note: 'One row per thematic axis, in the order of the plan.',
    columns: [
      { header: 'Id', kind: 'id', required: true, note: 'Short id, e.g. "acces-information". Commitments refer to it.' },
      { header: 'Title', kind: 'text', required: true, note: 'Title of the axis.' },
    ],
  },
  {
    name: 'Commitments',
    csv: 'commitments.csv',
    required: true,
    note: 'One row per commitment.',
    columns: [
      { header: 'Number', kind: 'integer', required: true, note: 'Commitment number in the plan (1, 2, 3…). Never changes.' },
      { header: 'Axis', kind: 'id', required: true, note: 'Id of its axis (sheet Axes).' },
      { header: 'Title', kind: 'text', required: true, note: 'Title of the commitment.' },
      { header: 'Lead organisation', kind: 'text', required: true, note: 'Organisation responsible for implementation.' },
      { header: 'Problem', kind: 'longText', note: 'Optional: the problem it addresses.' },
      { header: 'Description', kind: 'longText', note: 'Optional: what the commitment consists of.' },
      { header: 'Results', kind: 'longText', note: 'Optional: results after implementation.' },
      { header: 'Contribution', kind: 'longText', note: 'Optional: how it helped solve the problem.' },
      { header: 'Next steps', kind: 'longText', note: 'Optional.' },
      { header: 'Outcome date', kind: 'day', note: `Optional: date of results, contribution and next steps. ${DATE_NOTE}` },
      {
        header: 'Implementation rate',
        kind: 'computed',
        note: 'Computed by the ledger (Σ weight × progress / Σ weight); ignored on import.',
      },
      { header: 'IRM completion', kind: 'computed', note: 'OGP IRM completion level, computed by the ledger; ignored on import.' },
    ],
  },
  {
    name: 'Activities',
    csv: 'activities.csv',
    required: true,
    note: 'One row per activity. Weights need not add up to anything: the rate is Σ weight × progress / Σ weight.',
    columns: [
      { header: 'Commitment', kind: 'integer', required: true, note: 'Number of its commitment (sheet Commitments).' },
      { header: 'Number', kind: 'integer', required: true, note: 'Activity number within the commitment (1, 2, 3…). Never changes.' },
      { header: 'Title', kind: 'text', required: true, note: 'Title of the activity.' },
      {
        header: 'Weight',
        kind: 'number',
        required: true,
        note: 'Weight in the commitment rate, greater than 0 (1 if all count the same).',
      },
      { header: 'Progress', kind: 'number', note: 'Optional starting figure, percent 0–100 (then Progress date is required).' },
      {
        header: 'Status',
        kind: 'band',
        note: 'Optional band: NOT_STARTED (0), LIMITED (1–59), SUBSTANTIAL (60–90), COMPLETE (90–100). Derived from Progress when empty.',
      },
      { header: 'Progress date', kind: 'day', note: `Date the figure refers to. ${DATE_NOTE}` },
      { header: 'Lifecycle', kind: 'lifecycle', note: 'ACTIVE (default), SUSPENDED or CANCELLED (cancelled activities do not count).' },
      { header: 'Lifecycle reason', kind: 'longText', note: 'Why it is suspended or cancelled (required then), or resumed.' },
      { header: 'Lifecycle date', kind: 'day', note: `Optional: when it was suspended or cancelled. ${DATE_NOTE}` },
      { header: 'IRM completion', kind: 'computed', note: 'OGP IRM completion level, computed by the ledger; ignored on import.' },
    ],
  },
  {
    name: 'Leads',
    csv: 'leads.csv',
    required: false,
    note: 'Optional: who may report on each commitment (their user id, the `sub` of their login).',
    columns: [
      { header: 'Commitment', kind: 'integer', required: true, note: 'Commitment number.' },
      { header: 'User id', kind: 'text', required: true, note: 'The user id of a project lead.' },
    ],
  },
  {
    name: 'Actions',
    csv: 'actions.csv',
    required: false,
    note: 'Optional: actions done, not done, or additional, per activity.',
    columns: [
      { header: 'Commitment', kind: 'integer', required: true, note: 'Commitment number.' },
      { header: 'Activity', kind: 'integer', required: true, note: 'Activity number within the commitment.' },
      { header: 'Kind', kind: 'actionKind', required: true, note: 'DONE, NOT_DONE or ADDITIONAL.' },
      { header: 'Text', kind: 'longText', required: true, note: 'What was (or was not) done.' },
      { header: 'Date', kind: 'dateText', note: 'Optional: the date as written ("Juillet 2020", or a date).' },
      { header: 'Effective date', kind: 'day', note: `Optional: when it was done (start of a range). ${DATE_NOTE}` },
      { header: 'Effective until', kind: 'day', note: `Optional: end of a range. ${DATE_NOTE}` },
      { header: 'Reason', kind: 'longText', note: 'Optional: why it was not done (NOT_DONE).' },
    ],
  },
  {
    name: 'Communication',
    csv: 'communication.csv',
    required: false,
    note: 'Optional: communication actions accompanying a commitment.',
    columns: [
      { header: 'Commitment', kind: 'integer', required: true, note: 'Commitment number.' },
      { header: 'Action', kind: 'longText', required: true, note: 'The communication action.' },
      { header: 'Date', kind: 'dateText', note: 'Optional: the date as written, or a date.' },
      { header: 'Effective date', kind: 'day', note: `Optional. ${DATE_NOTE}` },
      { header: 'Effective until', kind: 'day', note: `Optional: end of a range. ${DATE_NOTE}` },
      { header: 'Target', kind: 'longText', note: 'Optional: audience.' },
      { header: 'Indicators', kind: 'longText', note: 'Optional.' },
    ],
  },
];

export const sheetSpec = (name: SheetName): SheetSpec => SHEETS.find((s) => s.name === name) as SheetSpec;

/** A sheet as read: its header cells and data rows (cell values already plain: text, number, Date…). */
export interface SheetRows {
  name: SheetName;
  /** Where the rows came from (the workbook, or a CSV file's name). */
  file?: string;
  headers: string[];
  /** Data rows with their 1-based row number as the user sees it. */
  rows: Array<{ row: number; cells: CellValue[] }>;
}

export type CellValue = string | number | boolean | Date | null;

/** The whole workbook as read, by sheet name (optional sheets may be absent). */
export type WorkbookRows = Partial<Record<SheetName, SheetRows>>;

/** Spreadsheet column letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
