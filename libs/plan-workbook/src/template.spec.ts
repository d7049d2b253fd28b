import { Workbook } from 'exceljs';
import { writeXlsx } from './write/write-xlsx';

// Reading and writing workbooks takes about a second on an idle machine; the shared one can be ten times slower.
jest.setTimeout(60_000);

/** The empty template `ledger template` writes (README "Set up your own plan", step 1). */
describe('the empty plan template', () => {
  it('has the plan sheets, a note on every column header, and bands, numbers and dates checked as they are typed', async () => {
    const wb = new Workbook();
    await wb.xlsx.load((await writeXlsx()) as unknown as ArrayBuffer);
    const sheets = ['Plan', 'Axes', 'Commitments', 'Activities', 'Leads', 'Actions', 'Communication'];
    expect(wb.worksheets.map((w) => w.name)).toEqual(['About', ...sheets]);
    for (const name of sheets) {
      const header = wb.getWorksheet(name)!.getRow(1);
      expect(header.cellCount).toBeGreaterThan(1);
      header.eachCell((cell) => expect({ column: cell.value, note: Boolean(cell.note) }).toEqual({ column: cell.value, note: true }));
    }
    const activities = wb.getWorksheet('Activities')!;
    const column = (header: string) => (activities.getRow(1).values as unknown[]).indexOf(header);
    const rule = (header: string) => activities.getRow(2).getCell(column(header)).dataValidation;
    expect(rule('Status')).toMatchObject({ type: 'list', formulae: ['"NOT_STARTED,LIMITED,SUBSTANTIAL,COMPLETE"'] });
    expect(rule('Weight')).toMatchObject({ type: 'decimal', operator: 'greaterThan' });
    expect(rule('Progress')).toMatchObject({ type: 'decimal', operator: 'between' });
    expect(rule('Progress date')).toMatchObject({ type: 'date' });
  });
});
