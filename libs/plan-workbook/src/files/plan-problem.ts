/** Where a problem is, in terms a person finds it: a sheet, row and column (and cell), or a JSON pointer. */
export interface Place {
  sheet?: string;
  /** 1-based row, as the spreadsheet shows it (row 1 is the header). */
  row?: number;
  column?: string;
  /** A1-style address, e.g. "D12". */
  cell?: string;
  /** A file inside a folder or zip (CSV), or the uploaded file. */
  file?: string;
  pointer?: string;
}

/**
 * One problem with an uploaded plan, reported once, at its place. `code` is the API's error code;
 * `rule` the rule name the API's validation errors use (libs/ledger checks).
 */
export interface PlanProblem {
  where: string;
  place: Place;
  code: 'VALIDATION_FAILED' | 'NOT_FOUND' | 'ILLEGAL_STATE' | 'PAYLOAD_TOO_LARGE';
  rule: string;
  message: string;
}

/** "Activities, row 12, column Weight (D12)", "commitments.csv, row 3, column Title", "/plan/id". */
export function describePlace(place: Place): string {
  const parts: string[] = [];
  if (place.sheet ?? place.file) parts.push((place.sheet ?? place.file) as string);
  if (place.row !== undefined) parts.push(`row ${place.row}`);
  if (place.column !== undefined) parts.push(`column ${place.column}${place.cell ? ` (${place.cell})` : ''}`);
  else if (place.cell) parts.push(`cell ${place.cell}`);
  if (parts.length === 0) return place.pointer || '/';
  return parts.join(', ');
}

export function problem(place: Place, code: PlanProblem['code'], rule: string, message: string): PlanProblem {
  return { where: describePlace(place), place, code, rule, message };
}

/** Thrown by the file readers for a file that cannot be read at all (it says why, and where). */
export class PlanFileRefused extends Error {
  constructor(readonly problems: PlanProblem[]) {
    super(problems.map((p) => `${p.where}: ${p.message}`).join('; '));
    this.name = 'PlanFileRefused';
  }
}

export const refuse = (place: Place, code: PlanProblem['code'], rule: string, message: string): never => {
  throw new PlanFileRefused([problem(place, code, rule, message)]);
};
