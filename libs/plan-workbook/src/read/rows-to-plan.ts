import type { PlanFile, PlanFileAction, PlanFileActivity, PlanFileCommitment, PlanFileCommunicationAction } from '@ledger/domain';
import { problem, type Place, type PlanProblem } from '../files/plan-problem';
import { columnLetter, SHEETS, type SheetName, type SheetSpec, type WorkbookRows } from '../layout/workbook-layout';
import { parseCell } from './cell-values';

/** Plan-file keys of each sheet's columns (the workbook and the JSON file are one model). */
const KEYS: Record<SheetName, Record<string, string>> = {
  Plan: {
    Id: 'id',
    Country: 'country',
    Title: 'title',
    Period: 'period',
    'Start date': 'effectiveAt',
    Source: 'source',
    Note: 'reconstructed',
  },
  Axes: { Id: 'id', Title: 'title' },
  Commitments: {
    Number: 'number',
    Axis: 'axis',
    Title: 'title',
    'Lead organisation': 'leadOrganisation',
    Problem: 'problem',
    Description: 'description',
    Results: 'results',
    Contribution: 'contribution',
    'Next steps': 'nextSteps',
    'Outcome date': 'outcomeEffectiveAt',
  },
  Activities: {
    Commitment: 'commitment',
    Number: 'number',
    Title: 'title',
    Weight: 'weight',
    Progress: 'progress',
    Status: 'status',
    'Progress date': 'progressEffectiveAt',
    Lifecycle: 'lifecycle/state',
    'Lifecycle reason': 'lifecycle/reason',
    'Lifecycle date': 'lifecycle/effectiveAt',
  },
  Leads: { Commitment: 'commitment', 'User id': 'userId' },
  Actions: {
    Commitment: 'commitment',
    Activity: 'activity',
    Kind: 'kind',
    Text: 'text',
    Date: 'date',
    'Effective date': 'effectiveAt',
    'Effective until': 'effectiveUntil',
    Reason: 'reason',
  },
  Communication: {
    Commitment: 'commitment',
    Action: 'action',
    Date: 'date',
    'Effective date': 'effectiveAt',
    'Effective until': 'effectiveUntil',
    Target: 'target',
    Indicators: 'indicators',
  },
};

const LISTS = { DONE: 'actionsDone', NOT_DONE: 'actionsNotDone', ADDITIONAL: 'additionalActions' } as const;

/** One data row read by key, with the place of each key's cell. */
interface Record_ {
  row: number;
  values: Record<string, unknown>;
  places: Record<string, Place>;
  place: Place;
}

export interface RowsToPlan {
  file: PlanFile;
  /** Plan-file pointer → where it is in the workbook (problems found later are reported there). */
  places: Map<string, Place>;
  problems: PlanProblem[];
}

/** Reads the workbook's rows into the plan-file model; cell-level problems are reported at their cells. */
export function rowsToPlan(workbook: WorkbookRows): RowsToPlan {
  const problems: PlanProblem[] = [];
  const places = new Map<string, Place>();
  const records = Object.fromEntries(SHEETS.map((spec) => [spec.name, readRecords(spec, workbook, problems)])) as Record<
    SheetName,
    Record_[]
  >;
  const put = (pointer: string, record: Record_, keys: Record<string, string>) => {
    places.set(pointer, record.place);
    for (const [key, place] of Object.entries(record.places)) places.set(`${pointer}/${keys[key] ?? key}`, place);
  };

  const [planRow, ...extra] = records.Plan;
  for (const r of extra) problems.push(problem(r.place, 'VALIDATION_FAILED', 'oneRow', 'the Plan sheet has exactly one row: the plan'));
  const v = planRow?.values ?? {};
  if (planRow) {
    places.set('/plan', planRow.place);
    for (const [key, place] of Object.entries(planRow.places))
      places.set(key === 'source' || key === 'reconstructed' ? `/${key}` : `/plan/${key}`, place);
  }
  const file: PlanFile = {
    ...(v.source !== undefined ? { source: v.source as string } : {}),
    ...(v.reconstructed !== undefined ? { reconstructed: v.reconstructed as string } : {}),
    plan: pick(v, ['id', 'country', 'title', 'period', 'effectiveAt']) as PlanFile['plan'],
    axes: records.Axes.map((r, i) => (put(`/axes/${i}`, r, {}), pick(r.values, ['id', 'title']) as PlanFile['axes'][0])),
    commitments: [],
  };

  const byNumber = new Map<number, { c: PlanFileCommitment; at: string; record: Record_ }>();
  records.Commitments.forEach((r, i) => {
    const at = `/commitments/${i}`;
    put(at, r, {});
    places.set(`${at}/outcome`, r.place);
    places.set(`${at}/activities`, r.place);
    const c = { ...pick(r.values, Object.values(KEYS.Commitments)), activities: [] } as unknown as PlanFileCommitment;
    file.commitments.push(c);
    if (typeof c.number === 'number' && !byNumber.has(c.number)) byNumber.set(c.number, { c, at, record: r });
  });
  const commitmentOf = (r: Record_, sheet: string) => {
    const n = r.values.commitment;
    const found = typeof n === 'number' ? byNumber.get(n) : undefined;
    if (!found && n !== undefined)
      problems.push(
        problem(r.places.commitment, 'NOT_FOUND', 'notFound', `commitment ${JSON.stringify(n)} is not in the Commitments sheet (${sheet})`),
      );
    return found;
  };

  const activities = new Map<string, { a: PlanFileActivity; at: string }>();
  for (const r of records.Activities) {
    const owner = commitmentOf(r, 'Activities');
    if (!owner) continue;
    const at = `${owner.at}/activities/${owner.c.activities.length}`;
    put(at, r, {});
    const { commitment: _c, ...rest } = r.values;
    const a = pick(rest, ['number', 'title', 'weight', 'progress', 'status', 'progressEffectiveAt']) as unknown as PlanFileActivity;
    const state = r.values['lifecycle/state'];
    if (r.values['lifecycle/reason'] !== undefined || (state !== undefined && state !== 'ACTIVE'))
      a.lifecycle = pick(
        { state: state ?? 'ACTIVE', reason: r.values['lifecycle/reason'], effectiveAt: r.values['lifecycle/effectiveAt'] },
        ['state', 'reason', 'effectiveAt'],
      ) as PlanFileActivity['lifecycle'];
    owner.c.activities.push(a);
    if (typeof a.number === 'number') activities.set(`${owner.c.number}.${a.number}`, { a, at });
  }
  for (const { c, record } of byNumber.values())
    if (c.activities.length === 0)
      problems.push(
        problem(record.place, 'VALIDATION_FAILED', 'required', `commitment ${c.number} has no activity in the Activities sheet`),
      );

  for (const r of records.Leads) {
    const owner = commitmentOf(r, 'Leads');
    if (!owner) continue;
    owner.c.leads ??= [];
    places.set(`${owner.at}/leads/${owner.c.leads.length}`, r.places.userId ?? r.place);
    owner.c.leads.push(r.values.userId as string);
  }
  for (const r of records.Actions) {
    if (!commitmentOf(r, 'Actions')) continue;
    const found = activities.get(`${String(r.values.commitment)}.${String(r.values.activity)}`);
    if (!found) {
      if (r.values.activity !== undefined)
        problems.push(
          problem(
            r.places.activity,
            'NOT_FOUND',
            'notFound',
            `activity ${String(r.values.activity)} of commitment ${String(r.values.commitment)} is not in the Activities sheet`,
          ),
        );
      continue;
    }
    const list = LISTS[(r.values.kind as keyof typeof LISTS) ?? 'DONE'] ?? 'actionsDone';
    const entries = (found.a[list] ??= []);
    put(`${found.at}/${list}/${entries.length}`, r, {});
    entries.push(pick(r.values, ['text', 'date', 'effectiveAt', 'effectiveUntil', 'reason']) as unknown as PlanFileAction);
  }
  for (const r of records.Communication) {
    const owner = commitmentOf(r, 'Communication');
    if (!owner) continue;
    owner.c.communicationActions ??= [];
    put(`${owner.at}/communicationActions/${owner.c.communicationActions.length}`, r, {});
    owner.c.communicationActions.push(
      pick(r.values, ['action', 'date', 'effectiveAt', 'effectiveUntil', 'target', 'indicators']) as unknown as PlanFileCommunicationAction,
    );
  }
  return { file, places, problems };
}

function pick(values: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => values[k] !== undefined).map((k) => [k, values[k]]));
}

/** A sheet's data rows by plan-file key; unknown or missing columns and unreadable cells are problems. */
function readRecords(spec: SheetSpec, workbook: WorkbookRows, problems: PlanProblem[]): Record_[] {
  const sheet = workbook[spec.name];
  const label = sheet?.file ?? spec.name;
  const at = (p: Omit<Place, 'sheet' | 'file'>): Place => (sheet?.file ? { file: sheet.file, ...p } : { sheet: spec.name, ...p });
  if (!sheet) {
    if (spec.required)
      problems.push(problem(at({}), 'VALIDATION_FAILED', 'requiredSheet', `the ${spec.name} sheet (${spec.csv}) is missing`));
    return [];
  }
  const columns = sheet.headers.map((h, i) => {
    const found = spec.columns.find((c) => c.header.toLowerCase() === h.toLowerCase());
    if (!found && h !== '')
      problems.push(
        problem(
          at({ row: 1, column: h, cell: `${columnLetter(i)}1` }),
          'VALIDATION_FAILED',
          'unknownColumn',
          `not a column of the ${spec.name} sheet (columns: ${spec.columns.map((c) => c.header).join(', ')})`,
        ),
      );
    return found;
  });
  for (const c of spec.columns)
    if (c.required && !columns.includes(c))
      problems.push(
        problem(at({ row: 1 }), 'VALIDATION_FAILED', 'required', `the ${spec.name} sheet has no "${c.header}" column (${label})`),
      );
  if (spec.required && sheet.rows.length === 0)
    problems.push(problem(at({ row: 2 }), 'VALIDATION_FAILED', 'required', `the ${spec.name} sheet has no row`));
  return sheet.rows.map(({ row, cells }) => {
    const record: Record_ = { row, values: {}, places: {}, place: at({ row }) };
    columns.forEach((column, i) => {
      const key = column && KEYS[spec.name][column.header];
      if (!column || !key) {
        if (!column && cells[i] !== null && cells[i] !== undefined)
          problems.push(
            problem(
              at({ row, cell: `${columnLetter(i)}${row}` }),
              'VALIDATION_FAILED',
              'unknownColumn',
              'a value in a column without a header',
            ),
          );
        return;
      }
      const place = at({ row, column: column.header, cell: `${columnLetter(i)}${row}` });
      record.places[key] = place;
      const value = cells[i];
      if (value === null || value === undefined) return;
      const parsed = parseCell(column.kind, value, column.header);
      if ('rule' in parsed) problems.push(problem(place, 'VALIDATION_FAILED', parsed.rule, parsed.message));
      else if (parsed.value !== undefined) record.values[key] = parsed.value;
    });
    // Required cells left empty are reported at their cell (the column exists: its place is known).
    for (const c of spec.columns) {
      const key = KEYS[spec.name][c.header];
      if (
        c.required &&
        key &&
        record.places[key] &&
        record.values[key] === undefined &&
        !problems.some((p) => p.place === record.places[key])
      )
        problems.push(problem(record.places[key], 'VALIDATION_FAILED', 'required', `${c.header} is required`));
    }
    return record;
  });
}
