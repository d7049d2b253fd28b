import { Workbook } from 'exceljs';
import { checkPlanImport } from './check-plan-import';
import { smallPlan } from './spec-fixtures';
import { planToRows } from './write/plan-to-rows';
import { writeXlsx } from './write/write-xlsx';

// Reading and writing workbooks takes about a second on an idle machine; the shared one can be ten times slower.
jest.setTimeout(60_000);

const target = { revisionDate: '2026-11-30', basis: '0' };

/** The small plan as XLSX, then `edit` applied to the sheets with exceljs (as a person would in a spreadsheet). */
async function workbookWith(edit: (wb: Workbook) => void): Promise<Buffer> {
  const wb = new Workbook();
  await wb.xlsx.load((await writeXlsx(planToRows(smallPlan()))) as unknown as ArrayBuffer);
  edit(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const problemsOf = async (bytes: Buffer) => {
  const check = await checkPlanImport({ kind: 'xlsx', bytes }, target);
  return check.ok ? [] : check.problems.map((p) => `${p.where}: ${p.message} [${p.code} ${p.rule}]`);
};

describe('problems in a workbook are reported once, at the cell a person finds', () => {
  it('accepts the small plan as written', async () => {
    expect(await problemsOf(await workbookWith(() => undefined))).toEqual([]);
  });

  it('points at the Weight cell of a negative weight, with the API rule name', async () => {
    const bytes = await workbookWith((wb) => (wb.getWorksheet('Activities')!.getCell('D3').value = -1));
    expect(await problemsOf(bytes)).toEqual([
      'Activities, row 3, column Weight (D3): weight must be > 0, got -1 [VALIDATION_FAILED positive]',
    ]);
  });

  it('points at the Status cell of a band that does not contain the figure', async () => {
    const bytes = await workbookWith((wb) => (wb.getWorksheet('Activities')!.getCell('F3').value = 'COMPLETE'));
    expect(await problemsOf(bytes)).toEqual([
      'Activities, row 3, column Status (F3): status COMPLETE covers 90–100 %, but progress is 20 [VALIDATION_FAILED bandContainsProgress]',
    ]);
  });

  it('points at a commitment whose axis is not in the Axes sheet', async () => {
    const bytes = await workbookWith((wb) => (wb.getWorksheet('Commitments')!.getCell('B3').value = 'nowhere'));
    const problems = await problemsOf(bytes);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^Commitments, row 3, column Axis \(B3\): axisId: axis "nowhere" does not exist in plan "demo-2024" .*\[NOT_FOUND notFound\]$/,
    );
  });

  it('reports a text in a number column, an unknown column and an activity of an unknown commitment, each once', async () => {
    const bytes = await workbookWith((wb) => {
      const activities = wb.getWorksheet('Activities')!;
      activities.getCell('D2').value = 'beaucoup';
      activities.getCell('L1').value = 'Weigth';
      activities.getCell('A4').value = 9;
    });
    expect(await problemsOf(bytes)).toEqual([
      'Activities, row 1, column Weigth (L1): not a column of the Activities sheet (columns: Commitment, Number, Title, Weight, Progress, Status, Progress date, Lifecycle, Lifecycle reason, Lifecycle date, IRM completion) [VALIDATION_FAILED unknownColumn]',
      'Activities, row 2, column Weight (D2): Weight must be a number, got "beaucoup" [VALIDATION_FAILED number]',
      'Activities, row 4, column Commitment (A4): commitment 9 is not in the Commitments sheet (Activities) [NOT_FOUND notFound]',
      'Commitments, row 3: commitment 2 has no activity in the Activities sheet [VALIDATION_FAILED required]',
    ]);
  });

  it('asks for the date of a starting figure, at its cell', async () => {
    const bytes = await workbookWith((wb) => (wb.getWorksheet('Activities')!.getCell('G2').value = null));
    expect(await problemsOf(bytes)).toEqual([
      'Activities, row 2, column Progress date (G2): progressEffectiveAt is required when progress is given [VALIDATION_FAILED required]',
    ]);
  });

  it('refuses a figure dated in the future at its cell, before anything is written (the command handler would refuse it midway)', async () => {
    const bytes = await workbookWith((wb) => (wb.getWorksheet('Activities')!.getCell('G2').value = '2027-01-01'));
    const check = await checkPlanImport({ kind: 'xlsx', bytes }, { ...target, now: new Date('2026-11-30T12:00:00Z') });
    expect(check.ok ? [] : check.problems.map((p) => `${p.where}: ${p.message} [${p.rule}]`)).toEqual([
      'Activities, row 2, column Progress date (G2): progressEffectiveAt must not be in the future, got 2027-01-01 [notInFuture]',
    ]);
  });

  it('reads 50 % typed in a percent cell as 50, not 0.5', async () => {
    const bytes = await workbookWith((wb) => {
      const cell = wb.getWorksheet('Activities')!.getCell('E3');
      cell.value = 0.5;
      cell.numFmt = '0%';
    });
    const check = await checkPlanImport({ kind: 'xlsx', bytes }, target);
    expect(check.ok && check.file.commitments[0].activities[1].progress).toBe(50);
  });
});
