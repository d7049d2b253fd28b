import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import { roundHalfUp } from '@ledger/domain';
import { ReadModelService } from '@ledger/core';
import { SqliteEventStore } from '@ledger/event-store';
import { exportPlanCommand } from '../apps/cli/src/commands/export-plan.command';
import { importCommand } from '../apps/cli/src/commands/import.command';
import { templateCommand } from '../apps/cli/src/commands/template.command';
import { openLedger } from '../apps/cli/src/ledger-context';

const bundled = join(__dirname, '../data/plans/ma-2018-2020.json');
const PUBLISHED = [100, 100, 95, 96, 100, 95, 24, 100, 100, 95, 98, 100, 25, 26, 63, 100, 99, 97];

/** Every `ledger` command here runs in-process against LEDGER_DATA_DIR, as `npm run ledger` would. */
describe('ledger template / import / export-plan with workbooks, CSV and Decidim', () => {
  let work: string;
  let output: string;
  let spies: jest.SpyInstance[];
  const ledgers: string[] = [];
  const useLedger = () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-wb-'));
    ledgers.push(dir);
    process.env.LEDGER_DATA_DIR = dir;
    return dir;
  };
  const head = async (dir: string) => {
    const store = new SqliteEventStore({ file: join(dir, 'ledger.sqlite') });
    try {
      return await store.headPosition();
    } finally {
      await store.close();
    }
  };
  /** Commitment rates of a plan in the current ledger, by number, unrounded. */
  const rates = async (planId: string) => {
    const app = await openLedger();
    try {
      const plan = app.get(ReadModelService).model.plan(planId);
      return { commitments: plan?.commitments.map((c) => c.implementationRate) ?? [], plan: plan?.implementationRate };
    } finally {
      await app.close();
    }
  };

  beforeAll(() => (work = mkdtempSync(join(tmpdir(), 'ledger-wb-files-'))));
  beforeEach(() => {
    output = '';
    const capture = (chunk: string | Uint8Array) => ((output += String(chunk)), true);
    spies = [
      jest.spyOn(process.stdout, 'write').mockImplementation(capture),
      jest.spyOn(process.stderr, 'write').mockImplementation(capture),
    ];
  });
  afterEach(() => spies.forEach((s) => s.mockRestore()));
  afterAll(() => {
    delete process.env.LEDGER_DATA_DIR;
    for (const dir of [work, ...ledgers]) rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips the Morocco plan: export to XLSX, import into an empty ledger, the same 18 rates and 84 %', async () => {
    useLedger();
    expect(await importCommand(bundled)).toBe(0);
    const before = await rates('ma-2018-2020');
    const xlsx = join(work, 'ma.xlsx');
    expect(await exportPlanCommand({ plan: 'ma-2018-2020', format: 'xlsx', out: xlsx })).toBe(0);

    const fresh = useLedger();
    expect(await importCommand(xlsx, { dryRun: true })).toBe(0);
    expect(await head(fresh)).toBeUndefined();
    expect(await importCommand(xlsx)).toBe(0);
    const after = await rates('ma-2018-2020');
    expect(after.commitments).toEqual(before.commitments);
    expect(after.commitments.map((r) => roundHalfUp(r!))).toEqual(PUBLISHED);
    expect(roundHalfUp(after.plan!)).toBe(84);
    // Importing the exported workbook again changes nothing.
    const position = await head(fresh);
    expect(await importCommand(xlsx)).toBe(0);
    expect(output).toContain('nothing to write');
    expect(await head(fresh)).toBe(position);
  }, 60_000);

  it('imports a revised workbook as only the commands for what changed, and refuses what it cannot express', async () => {
    const dir = useLedger();
    expect(await importCommand(bundled)).toBe(0);
    const xlsx = join(work, 'revised.xlsx');
    expect(await exportPlanCommand({ plan: 'ma-2018-2020', format: 'xlsx', out: xlsx })).toBe(0);
    const wb = new Workbook();
    await wb.xlsx.readFile(xlsx);
    const activities = wb.getWorksheet('Activities')!;
    const row = activities.getRow(2); // commitment 1, activity 1
    row.getCell(4).value = 2; // weight 1 → 2
    activities.addRow([7, 9, 'Nouvelle activité de suivi', 1, 30, null, '2021-03-31']);
    await wb.xlsx.writeFile(xlsx);
    output = '';
    expect(await importCommand(xlsx, { dryRun: true })).toBe(0);
    expect(output).toContain('revises plan ma-2018-2020 with 3 commands (1 SetActivityWeight, 1 PlanActivity, 1 ReportActivityProgress)');
    const position = await head(dir);
    expect(await importCommand(xlsx)).toBe(0);
    expect((await head(dir))! - position!).toBe(3n);
    const app = await openLedger();
    try {
      const model = app.get(ReadModelService).model;
      expect(model.commitment('ma-2018-2020.1')!.activities[0].weight).toBe(2);
      expect(model.commitment('ma-2018-2020.7')!.activities.at(-1)).toMatchObject({ number: 9, progress: 30, irmCompletion: 'LIMITED' });
    } finally {
      await app.close();
    }

    wb.getWorksheet('Plan')!.getCell('C2').value = 'Un autre titre';
    await wb.xlsx.writeFile(xlsx);
    output = '';
    const now = await head(dir);
    expect(await importCommand(xlsx)).toBe(1);
    expect(output).toContain(
      'Plan, row 2, column Title (C2): the plan\'s title is "Plan d’Action National du Gouvernement Ouvert 2018-2020" in the ledger; it cannot be changed by an import  [ILLEGAL_STATE notExpressible]',
    );
    expect(await head(dir)).toBe(now);
  }, 60_000);

  it('exports CSV sheets to a zip and to a folder, and both import', async () => {
    useLedger();
    expect(await importCommand(bundled)).toBe(0);
    const zip = join(work, 'ma.zip');
    const folder = join(work, 'ma-csv');
    expect(await exportPlanCommand({ plan: 'ma-2018-2020', format: 'csv', out: zip })).toBe(0);
    expect(await exportPlanCommand({ plan: 'ma-2018-2020', format: 'csv', out: folder })).toBe(0);
    expect(readFileSync(join(folder, 'activities.csv'), 'utf8').split('\r\n')[0]).toBe(
      '\ufeffCommitment,Number,Title,Weight,Progress,Status,Progress date,Lifecycle,Lifecycle reason,Lifecycle date,IRM completion',
    );
    for (const source of [zip, folder]) {
      useLedger();
      expect(await importCommand(source)).toBe(0);
      expect((await rates('ma-2018-2020')).commitments.map((r) => roundHalfUp(r!))).toEqual(PUBLISHED);
    }
  }, 90_000);

  it('exports Decidim results and imports them into an empty ledger with the same rates, saying what was not carried over', async () => {
    useLedger();
    expect(await importCommand(bundled)).toBe(0);
    const csv = join(work, 'results.csv');
    expect(await exportPlanCommand({ plan: 'ma-2018-2020', format: 'decidim', out: csv })).toBe(0);
    expect(output).toContain('not carried over to Decidim: cancelled activity ma-2018-2020.14.4');
    expect(readFileSync(csv, 'utf8').split('\r\n')[0]).toBe(
      '\ufeffid;parent/id;external_id;title/fr;description/fr;category/id;category/name/fr;start_date;end_date;status/id;status/key;status/name/fr;progress;weight',
    );
    useLedger();
    output = '';
    const code = await importCommand(csv, {
      from: 'decidim',
      plan: 'ma-2018-2020',
      title: 'PAN 2018-2020',
      country: 'Maroc',
      period: '2018-2020',
      start: '2018-01-01',
      asOf: '2020-12-31',
    });
    expect(output).toContain('not carried over: column status/key');
    expect(code).toBe(0);
    expect((await rates('ma-2018-2020')).commitments.map((r) => roundHalfUp(r!))).toEqual(PUBLISHED);
  }, 60_000);

  it('exports the plan as JSON as effective at the end of a day: only figures dated by then, some older than today’s', async () => {
    useLedger();
    expect(await importCommand(bundled)).toBe(0);
    type Figures = { commitments: Array<{ activities: Array<{ progress?: number; progressEffectiveAt?: string }> }> };
    const figures = async (asOf?: string) => {
      const out = join(work, `plan-${asOf ?? 'now'}.json`);
      expect(await exportPlanCommand({ plan: 'ma-2018-2020', format: 'json', asOf, out })).toBe(0);
      return (JSON.parse(readFileSync(out, 'utf8')) as Figures).commitments.flatMap((c) => c.activities);
    };
    const now = await figures();
    const then = await figures('2019-12-31');
    expect(then.every((a) => a.progressEffectiveAt === undefined || a.progressEffectiveAt.slice(0, 10) <= '2019-12-31')).toBe(true);
    expect(then.filter((a, i) => a.progress !== now[i].progress).length).toBeGreaterThan(0);
  }, 60_000);

  it('writes a template that the import reads as an empty plan (missing rows, not a broken file)', async () => {
    useLedger();
    const template = join(work, 'template.xlsx');
    expect(await templateCommand({ out: template })).toBe(0);
    expect(await importCommand(template)).toBe(1);
    expect(output).toContain('Activities, row 2: the Activities sheet has no row  [VALIDATION_FAILED required]');
  }, 30_000);

  it('refuses a file that is not valid JSON, and writes nothing', async () => {
    const dir = useLedger();
    const bad = join(work, 'bad.json');
    writeFileSync(bad, '{ "plan": ');
    expect(await importCommand(bad)).toBe(1);
    expect(output).toContain('bad.json: not valid JSON');
    expect(await head(dir)).toBeUndefined();
  });
});
