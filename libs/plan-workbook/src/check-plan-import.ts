import {
  diffPlan,
  dryRun,
  planFileToSteps,
  type ImportProblem,
  type ImportStep,
  type LedgerPlanSnapshot,
  type PlanFile,
} from '@ledger/domain';
import { FILE_LIMITS } from './files/file-limits';
import { describePlace, PlanFileRefused, problem, type Place, type PlanProblem } from './files/plan-problem';
import { isZip } from './files/zip-reader';
import { domainProblemsOfInvalid } from './json/check-plan-file';
import { schemaProblems } from './json/plan-schema-check';
import type { WorkbookRows } from './layout/workbook-layout';
import { readCsvFiles, readCsvZip } from './read/read-csv';
import { readXlsx } from './read/read-xlsx';
import { rowsToPlan } from './read/rows-to-plan';

/** What can be imported: a workbook's bytes, CSV files, a JSON plan file, or rows already read. */
export type PlanSource =
  | { kind: 'xlsx'; bytes: Buffer; name?: string }
  | { kind: 'csv-zip'; bytes: Buffer; name?: string }
  | { kind: 'csv-files'; files: ReadonlyMap<string, Buffer> }
  | { kind: 'json'; bytes: Buffer; name?: string }
  | { kind: 'rows'; rows: WorkbookRows }
  | { kind: 'plan'; file: PlanFile };

/** The ledger a file is checked against: a plan already in it is revised, otherwise created. */
export interface ImportTarget {
  /** The plan as the ledger holds it now, by id (undefined: not in the ledger). */
  current?: (planId: string) => LedgerPlanSnapshot | undefined;
  /** Business date of structural changes in a revision (the day of the import). */
  revisionDate: string;
  /** Identifies the ledger state compared with (its log position): makes revision command ids unique. */
  basis: string;
  /** The time of the import: dates after it are refused before anything is written (the handler refuses them too). */
  now?: Date;
}

export type PlanImportCheck =
  { ok: true; file: PlanFile; steps: ImportStep[]; revision: boolean } | { ok: false; problems: PlanProblem[]; file?: PlanFile };

/** Which reader a file needs, from its name and first bytes. */
export function sourceOf(name: string, bytes: Buffer): PlanSource {
  const lower = name.toLowerCase();
  if (lower.endsWith('.json')) return { kind: 'json', bytes, name };
  if (lower.endsWith('.zip')) return { kind: 'csv-zip', bytes, name };
  if (lower.endsWith('.csv')) return { kind: 'csv-files', files: new Map([[name, bytes]]) };
  if (isZip(bytes) || lower.endsWith('.xlsx') || lower.endsWith('.xlsm') || lower.endsWith('.xls')) return { kind: 'xlsx', bytes, name };
  return { kind: 'json', bytes, name };
}

async function read(source: PlanSource): Promise<{ raw?: unknown; rows?: WorkbookRows; problems: PlanProblem[] }> {
  switch (source.kind) {
    case 'xlsx':
      return readXlsx(source.bytes, source.name);
    case 'csv-zip':
      return readCsvZip(source.bytes, source.name);
    case 'csv-files':
      return readCsvFiles(source.files);
    case 'rows':
      return { rows: source.rows, problems: [] };
    case 'plan':
      return { raw: source.file, problems: [] };
    case 'json': {
      const file = source.name ?? 'plan.json';
      if (source.bytes.length > FILE_LIMITS.maxFileBytes)
        return {
          problems: [
            problem({ file }, 'PAYLOAD_TOO_LARGE', 'fileTooLarge', `the file is larger than ${FILE_LIMITS.maxFileBytes / 1024 / 1024} MB`),
          ],
        };
      try {
        return { raw: JSON.parse(source.bytes.toString('utf8')), problems: [] };
      } catch (error) {
        return { problems: [problem({ file }, 'VALIDATION_FAILED', 'malformed', `not valid JSON (${(error as Error).message})`)] };
      }
    }
    default: {
      const never: never = source;
      return never;
    }
  }
}

/**
 * Checks an uploaded plan completely and writes nothing: the file is read (hostile files are
 * refused before any parser sees them), turned into the plan-file model, checked against its
 * schema, then every command it implies — all of them for a new plan, only what changed for a plan
 * already in the ledger — runs through the real deciders. Every problem is reported once, at its
 * place (sheet, row, column; or JSON pointer). The same function serves the CLI and the API.
 */
export async function checkPlanImport(source: PlanSource, target: ImportTarget): Promise<PlanImportCheck> {
  let read_: Awaited<ReturnType<typeof read>>;
  try {
    read_ = await read(source);
  } catch (error) {
    if (error instanceof PlanFileRefused) return { ok: false, problems: error.problems };
    throw error;
  }
  const problems = new Problems();
  read_.problems.forEach((p) => problems.add(p));
  let raw = read_.raw;
  let places = new Map<string, Place>();
  if (read_.rows) {
    const model = rowsToPlan(read_.rows);
    model.problems.forEach((p) => problems.add(p));
    raw = model.file;
    places = model.places;
  }
  if (raw === undefined) return { ok: false, problems: problems.list };
  const at = (p: ImportProblem): PlanProblem =>
    problem(placeOf(p.pointer, places), p.code as PlanProblem['code'], p.rule ?? 'invalid', p.message);
  const workbook = read_.rows !== undefined;
  const shape = schemaProblems(raw);
  for (const p of shape) {
    const found = at(p);
    // A workbook problem the reader already reported on that sheet (an empty sheet) is not repeated as a JSON pointer.
    if (found.place.pointer !== undefined && workbook && problems.list.some((q) => q.place.sheet === sheetOf(p.pointer))) continue;
    problems.add(
      found.place.pointer !== undefined && workbook ? { ...found, place: { sheet: sheetOf(p.pointer) }, where: sheetOf(p.pointer) } : found,
    );
  }
  if (shape.length > 0 || problems.list.length > 0) {
    domainProblemsOfInvalid(raw, shape).forEach((p) => problems.add(at(p)));
    return { ok: false, problems: problems.list, file: raw as PlanFile };
  }
  const file = raw as PlanFile;
  const found = target.current?.(file.plan.id);
  const current = found?.plan.exists ? found : undefined;
  const diff = current ? diffPlan(file, current, { revisionDate: target.revisionDate, basis: target.basis }) : undefined;
  diff?.refusals.forEach((p) => problems.add(at(p)));
  const steps = diff ? diff.steps : planFileToSteps(file);
  const start = current
    ? {
        plans: new Map([[current.plan.id, current.plan]]),
        commitments: new Map(current.commitments.map((c) => [c.id, c])),
        access: new Map([[current.plan.id, current.access]]),
        now: target.now,
      }
    : { now: target.now };
  dryRun(steps, start).problems.forEach((p) => problems.add(at(p)));
  return problems.list.length > 0
    ? { ok: false, problems: problems.list, file }
    : { ok: true, file, steps, revision: current !== undefined };
}

const SHEET_OF: Record<string, string> = { plan: 'Plan', axes: 'Axes', commitments: 'Commitments', source: 'Plan', reconstructed: 'Plan' };
const sheetOf = (pointer: string): string => SHEET_OF[pointer.split('/')[1]] ?? 'Plan';

/** The place of a pointer, or of its nearest ancestor the reader knows. */
function placeOf(pointer: string, places: ReadonlyMap<string, Place>): Place {
  if (places.size === 0) return { pointer };
  for (let p = pointer; p !== ''; p = p.slice(0, p.lastIndexOf('/'))) {
    const found = places.get(p);
    if (found) return found;
  }
  return { pointer };
}

/** Each problem once: the first one found at a place wins over a later one saying the same there. */
class Problems {
  readonly list: PlanProblem[] = [];
  add(p: PlanProblem): void {
    const where = describePlace(p.place);
    if (this.list.some((q) => q.where === where && (q.message === p.message || q.rule === p.rule || q.place.cell !== undefined))) return;
    this.list.push(p);
  }
}
