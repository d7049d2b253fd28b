import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dryRun, meanRate, planFileToSteps, rateOf, roundHalfUp, type PlanFile } from '@ledger/domain';
import { checkPlanImport } from './check-plan-import';
import { readCsvFiles } from './read/read-csv';
import { readXlsx } from './read/read-xlsx';
import { rowsToPlan } from './read/rows-to-plan';
import { planToRows } from './write/plan-to-rows';
import { writeCsvFiles } from './write/write-csv';
import { writeXlsx } from './write/write-xlsx';
import { writeZip } from './files/zip-writer';

// Reading and writing workbooks takes about a second on an idle machine; the shared one can be ten times slower.
jest.setTimeout(60_000);

const morocco = (): PlanFile => JSON.parse(readFileSync(join(__dirname, '../../../data/plans/ma-2018-2020.json'), 'utf8'));
const target = { revisionDate: '2026-11-30', basis: '0' };
/** The plan file as JSON would hold it (no undefined keys), for deep comparison; the workbook's Note is one text (French). */
const normal = (f: PlanFile) =>
  JSON.parse(
    JSON.stringify({ ...f, $schema: undefined, reconstructed: typeof f.reconstructed === 'object' ? f.reconstructed.fr : f.reconstructed }),
  );

describe('the plan workbook is a second reader and writer of the plan-file model', () => {
  it('reads back from XLSX exactly the Morocco plan it was written from', async () => {
    const bytes = await writeXlsx(planToRows(morocco()));
    const { rows, problems } = await readXlsx(bytes);
    expect(problems).toEqual([]);
    const read = rowsToPlan(rows);
    expect(read.problems).toEqual([]);
    expect(normal(read.file)).toEqual(normal(morocco()));
  });

  it('reads back from CSV files exactly the Morocco plan they were written from', () => {
    const files = new Map([...writeCsvFiles(planToRows(morocco()))].map(([n, t]) => [n, Buffer.from(t)]));
    const { rows, problems } = readCsvFiles(files);
    expect(problems).toEqual([]);
    expect(normal(rowsToPlan(rows).file)).toEqual(normal(morocco()));
  });

  it('imports the Morocco workbook into an empty ledger with the same commands as the JSON file and the published 84 %', async () => {
    const check = await checkPlanImport({ kind: 'xlsx', bytes: await writeXlsx(planToRows(morocco())) }, target);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.steps.map((s) => [s.command, s.effectiveAt])).toEqual(planFileToSteps(morocco()).map((s) => [s.command, s.effectiveAt]));
    const { commitments } = dryRun(check.steps);
    expect(roundHalfUp(meanRate([...commitments.values()].map(rateOf))!)).toBe(84);
  });

  it('imports the same plan from a zip of CSV files in a folder', async () => {
    const files = writeCsvFiles(planToRows(morocco()), ';');
    const zip = writeZip(new Map([...files].map(([n, t]) => [`plan/${n}`, t])));
    const check = await checkPlanImport({ kind: 'csv-zip', bytes: zip }, target);
    expect(check.ok && check.steps.length).toBe(480);
  });

  it('writes an empty template that imports as "missing rows", never as an unreadable file', async () => {
    const check = await checkPlanImport({ kind: 'xlsx', bytes: await writeXlsx() }, target);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems.map((p) => `${p.where}: ${p.message}`)).toEqual([
      'Plan, row 2: the Plan sheet has no row',
      'Axes, row 2: the Axes sheet has no row',
      'Commitments, row 2: the Commitments sheet has no row',
      'Activities, row 2: the Activities sheet has no row',
    ]);
  });
});
