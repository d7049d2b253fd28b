import type { LedgerPlanSnapshot, PlanFile, PlanFileActivity, PlanFileCommitment } from '@ledger/domain';
import { problem, type PlanProblem } from '../files/plan-problem';
import { parseCsv } from '../read/read-csv';
import { DECIDIM_READ, slugOf, textOfHtml } from './decidim-columns';

export interface DecidimImportOptions {
  planId: string;
  /** Locale of the title/description/category columns to read (others are the fallback). */
  lang: string;
  /** Date of the progress figures (Decidim's results carry no date for them). */
  asOf: string;
  /** For a plan not in the ledger yet. */
  title?: string;
  country?: string;
  period?: string;
  start?: string;
  leadOrganisation?: string;
}

export type DecidimRead = { file: PlanFile; notCarried: string[] } | { problems: PlanProblem[] };

type Row = Record<string, string | undefined>;
const num = (text: string | undefined): number | undefined => {
  if (text === undefined || text.trim() === '') return undefined;
  const n = Number(text.replace(',', '.'));
  return Number.isFinite(n) ? n : NaN;
};

/**
 * A Decidim Accountability results CSV as a plan file for `planId`: top-level results are
 * commitments, their children activities. What the ledger has no place for is listed, not dropped
 * silently. A plan already in the ledger keeps its own title, country, period and start.
 */
export function readDecidimResults(bytes: Buffer, file: string, options: DecidimImportOptions, current?: LedgerPlanSnapshot): DecidimRead {
  const { headers, rows } = parseCsv(bytes, file);
  const problems: PlanProblem[] = [];
  const notCarried = headers.filter((h) => h && !DECIDIM_READ.some((r) => r.test(h))).map((h) => `column ${h}`);
  const records = rows.map(({ row, cells }) => ({
    row,
    values: Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? undefined])) as Row,
  }));
  const pick = (values: Row, field: string): string | undefined =>
    values[`${field}/${options.lang}`] ??
    headers
      .filter((h) => h.startsWith(`${field}/`))
      .map((h) => values[h])
      .find((v) => v !== undefined);
  for (const h of ['id', 'parent/id'])
    if (!headers.includes(h)) problems.push(problem({ file, row: 1 }, 'VALIDATION_FAILED', 'required', `the column ${h} is missing`));
  if (problems.length) return { problems };

  const plan = current?.plan;
  const meta = {
    id: options.planId,
    country: plan?.country ?? options.country,
    title: plan?.title ?? options.title,
    period: plan?.period ?? options.period,
    effectiveAt: options.start ?? options.asOf,
  };
  for (const key of ['country', 'title', 'period'] as const)
    if (!meta[key])
      problems.push(problem({ file }, 'VALIDATION_FAILED', 'required', `plan "${options.planId}" is not in the ledger: give --${key}`));

  const axes: PlanFile['axes'] = [];
  const axisOf = (values: Row): string => {
    const name = pick(values, 'category/name')?.trim() || 'General';
    const id = slugOf(name);
    if (!axes.some((a) => a.id === id)) axes.push({ id, title: name });
    return id;
  };
  const externalNumbers = (values: Row): number[] | undefined => {
    const ext = values.external_id;
    if (!ext?.startsWith(`${options.planId}.`)) return undefined;
    const parts = ext
      .slice(options.planId.length + 1)
      .split('.')
      .map(Number);
    return parts.every((n) => Number.isInteger(n) && n > 0) ? parts : undefined;
  };

  const commitments = new Map<string, PlanFileCommitment>();
  const depth = new Map<string, number>();
  for (const { row, values } of records) {
    const id = values.id ?? `row-${row}`;
    const parent = values['parent/id'];
    if (parent) continue;
    depth.set(id, 1);
    const number = externalNumbers(values)?.[0] ?? commitments.size + 1;
    commitments.set(id, {
      number,
      axis: axisOf(values),
      title: pick(values, 'title')?.trim() ?? '',
      leadOrganisation:
        current?.commitments.find((c) => c.number === number)?.leadOrganisation ?? options.leadOrganisation ?? 'Not given in Decidim',
      ...(pick(values, 'description') ? { description: textOfHtml(pick(values, 'description')!) } : {}),
      activities: [],
    });
  }
  for (const { row, values } of records) {
    const parent = values['parent/id'];
    if (!parent) continue;
    const owner = commitments.get(parent);
    const id = values.id ?? `row-${row}`;
    if (!owner) {
      depth.set(id, (depth.get(parent) ?? 2) + 1);
      notCarried.push(
        `result ${id} (row ${row}): ${depth.has(parent) ? 'a third level of results' : `its parent ${parent} is not in the file`}`,
      );
      continue;
    }
    depth.set(id, 2);
    const weight = num(values.weight) ?? 1;
    const progress = num(values.progress);
    const activity: PlanFileActivity = {
      number: externalNumbers(values)?.[1] ?? owner.activities.length + 1,
      title: pick(values, 'title')?.trim() ?? '',
      weight,
      ...(progress !== undefined ? { progress, progressEffectiveAt: options.asOf } : {}),
    };
    if (Number.isNaN(weight) || weight <= 0)
      problems.push(
        problem(
          { file, row, column: 'weight' },
          'VALIDATION_FAILED',
          'positive',
          `weight must be > 0, got ${JSON.stringify(values.weight)}`,
        ),
      );
    if (Number.isNaN(progress))
      problems.push(
        problem(
          { file, row, column: 'progress' },
          'VALIDATION_FAILED',
          'number',
          `progress must be a number, got ${JSON.stringify(values.progress)}`,
        ),
      );
    if (pick(values, 'description')) notCarried.push(`description of result ${id} (row ${row}): activities have no description`);
    owner.activities.push(activity);
  }
  for (const { row, values } of records) {
    const id = values.id ?? `row-${row}`;
    const c = commitments.get(id);
    if (!c) continue;
    const progress = num(values.progress);
    if (c.activities.length === 0) {
      // A result without children: one activity carrying its own progress.
      c.activities.push({
        number: 1,
        title: c.title,
        weight: 1,
        ...(progress !== undefined && !Number.isNaN(progress) ? { progress, progressEffectiveAt: options.asOf } : {}),
      });
      notCarried.push(`result ${id} (row ${row}) has no children: recorded as a commitment with one activity`);
    } else if (progress !== undefined)
      notCarried.push(`progress of result ${id} (row ${row}): the ledger computes a commitment's rate from its activities`);
  }
  if (problems.length) return { problems };
  return {
    file: { plan: meta as PlanFile['plan'], axes: current ? mergeAxes(current, axes) : axes, commitments: [...commitments.values()] },
    notCarried,
  };
}

/** A plan already in the ledger keeps its axes (an import cannot remove them); new categories are added. */
function mergeAxes(current: LedgerPlanSnapshot, found: PlanFile['axes']): PlanFile['axes'] {
  const known = current.plan.axes.map((a) => ({ id: a.id, title: a.title }));
  return [...known, ...found.filter((a) => !known.some((k) => k.id === a.id))];
}
