import { Workbook } from 'exceljs';
import { checkPlanImport, type PlanSource } from './check-plan-import';
import { unzip } from './files/zip-reader';
import { writeZip } from './files/zip-writer';
import { smallPlan } from './spec-fixtures';
import { planToRows } from './write/plan-to-rows';
import { writeCsvFiles } from './write/write-csv';
import { writeXlsx } from './write/write-xlsx';

// Reading and writing workbooks takes about a second on an idle machine; the shared one can be ten times slower.
jest.setTimeout(60_000);

const target = { revisionDate: '2026-11-30', basis: '0' };
const refusal = async (source: PlanSource) => {
  const check = await checkPlanImport(source, target);
  expect(check.ok).toBe(false);
  return check.ok ? [] : check.problems.map((p) => `${p.where}: ${p.message} [${p.code} ${p.rule}]`);
};
const small = () => writeXlsx(planToRows(smallPlan()));

describe('hostile or broken files are refused with a coded error before any parser runs, and nothing is read from them', () => {
  it('refuses bytes that are not a workbook', async () => {
    expect(await refusal({ kind: 'xlsx', bytes: Buffer.from('Commitment;Title\n1;x\n'), name: 'plan.xlsx' })).toEqual([
      'plan.xlsx: not an XLSX workbook (an .xlsx file is a zip archive) [VALIDATION_FAILED malformed]',
    ]);
  });

  it('refuses a truncated workbook', async () => {
    const bytes = (await small()).subarray(0, 3000);
    expect(await refusal({ kind: 'xlsx', bytes, name: 'plan.xlsx' })).toEqual([
      'plan.xlsx: not a readable zip file (no end of central directory) [VALIDATION_FAILED malformed]',
    ]);
  });

  it('refuses a 50 MB workbook by its size, without unpacking it', async () => {
    const bytes = Buffer.alloc(50 * 1024 * 1024);
    (await small()).copy(bytes);
    expect(await refusal({ kind: 'xlsx', bytes, name: 'huge.xlsx' })).toEqual([
      'huge.xlsx: the file is 50.0 MB; at most 10 MB are accepted [PAYLOAD_TOO_LARGE fileTooLarge]',
    ]);
  });

  it('refuses a password-protected workbook (an encrypted OOXML compound file)', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
      Buffer.from('EncryptionInfo', 'utf16le'),
      Buffer.alloc(1024),
    ]);
    expect(await refusal({ kind: 'xlsx', bytes, name: 'secret.xlsx' })).toEqual([
      'secret.xlsx: the workbook is password-protected: save a copy without a password [VALIDATION_FAILED passwordProtected]',
    ]);
  });

  it('refuses a macro-carrying workbook (xl/vbaProject.bin)', async () => {
    const parts = unzip(await small(), 'plan.xlsx');
    parts.set('xl/vbaProject.bin', Buffer.from('Attribute VB_Name = "Module1"'));
    expect(await refusal({ kind: 'xlsx', bytes: writeZip(parts), name: 'plan.xlsm' })).toEqual([
      'plan.xlsm: the workbook carries macros (.xlsm): save it as a plain .xlsx workbook [VALIDATION_FAILED macros]',
    ]);
  });

  it('refuses a formula saved without its value, at its cell, and never evaluates it', async () => {
    const wb = new Workbook();
    await wb.xlsx.load((await small()) as unknown as ArrayBuffer);
    wb.getWorksheet('Activities')!.getCell('D3').value = { formula: 'D2*3' } as never;
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await refusal({ kind: 'xlsx', bytes })).toEqual([
      'Activities, row 3, column Weight (D3): a formula without a saved value (=D2*3); formulas are not evaluated: type the value, or open and save the file in a spreadsheet program [VALIDATION_FAILED formula]',
    ]);
  });

  it('reads a formula with a saved value as that value (what the sheet showed)', async () => {
    const wb = new Workbook();
    await wb.xlsx.load((await small()) as unknown as ArrayBuffer);
    wb.getWorksheet('Activities')!.getCell('D3').value = { formula: 'D2*3', result: 7 } as never;
    const check = await checkPlanImport({ kind: 'xlsx', bytes: Buffer.from(await wb.xlsx.writeBuffer()) }, target);
    expect(check.ok && check.file.commitments[0].activities[1].weight).toBe(7);
  });

  it('refuses a CSV zip that unpacks past the limit (a zip bomb), whatever sizes it declares', async () => {
    const files = writeCsvFiles(planToRows(smallPlan()));
    const bomb = writeZip(new Map<string, Buffer | string>([...files, ['padding.csv', Buffer.alloc(60 * 1024 * 1024, 0x41)]]));
    expect(bomb.length).toBeLessThan(200_000);
    expect(await refusal({ kind: 'csv-zip', bytes: bomb, name: 'plan.zip' })).toEqual([
      'plan.zip: the file unpacks to more than 50 MB (60 MB declared); nothing was read [PAYLOAD_TOO_LARGE zipBomb]',
    ]);
  });

  it('refuses a zip bomb that lies about its sizes: inflation itself is bounded', async () => {
    const bomb = writeZip(new Map([['activities.csv', Buffer.alloc(60 * 1024 * 1024, 0x41)]]));
    // Declare 10 bytes in both headers: only inflating tells the truth.
    const centralAt = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(10, centralAt + 24);
    bomb.writeUInt32LE(10, 22);
    expect(await refusal({ kind: 'csv-zip', bytes: bomb, name: 'liar.zip' })).toEqual([
      'liar.zip: the file unpacks to more than 50 MB (more than declared); nothing was read [PAYLOAD_TOO_LARGE zipBomb]',
    ]);
  });

  it('refuses a CSV with an unclosed quote, at its line', async () => {
    const files = new Map([...writeCsvFiles(planToRows(smallPlan()))].map(([n, t]) => [n, Buffer.from(t)]));
    files.set('activities.csv', Buffer.from('Commitment,Number,Title,Weight\n1,1,"Inventaire,1\n'));
    expect(await refusal({ kind: 'csv-files', files })).toEqual([
      'activities.csv, row 2: not a readable CSV file (Quote Not Closed: the parsing is finished with an opening quote at line 2) [VALIDATION_FAILED malformed]',
    ]);
  });

  it('refuses a CSV that is not UTF-8 (Windows-1252 "CSV" from an old spreadsheet)', async () => {
    const files = new Map([
      ['axes.csv', Buffer.from([0x49, 0x64, 0x2c, 0x54, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0x61, 0x2c, 0x41, 0x63, 0x63, 0xe8, 0x73, 0x0a])],
    ]);
    expect(await refusal({ kind: 'csv-files', files })).toEqual([
      'axes.csv: the file is not UTF-8 text: save it as "CSV UTF-8" [VALIDATION_FAILED encoding]',
    ]);
  });
});
