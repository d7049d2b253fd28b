import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPlanFile, readPlanFile } from '@ledger/core';
import { exportCommand } from '../../apps/cli/src/commands/export.command';
import { mustMutate, mutate } from '../support/ledger-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { codes } from './hostile-support';

const SPOOFS: Array<[string, string]> = [
  ['a right-to-left override', 'Rapport \u202Efdp.exe'],
  ['a left-to-right isolate', 'Taux \u2066100\u2069 %'],
  ['a zero-width space', 'Com\u200Bmitment'],
  ['a zero-width joiner', 'Com\u200Dmitment'],
  ['a byte-order mark', '\uFEFFTitle'],
];

/** Texts that would spoof the report, and CSV cells a spreadsheet would run as formulas. */
describe('hostile callers: texts and CSV', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await mustMutate(t, 'definePlan', { id: 'txt', country: 'X', title: 'T', period: 'P' });
    await mustMutate(t, 'addAxis', { planId: 'txt', axisId: 'a', title: 'A' });
    await mustMutate(t, 'registerCommitment', { planId: 'txt', axisId: 'a', number: 1, title: 'C', leadOrganisation: 'O' });
    await mustMutate(t, 'planActivity', { commitmentId: 'txt.1', title: 'A', weight: 1 });
  }, 30_000);
  afterAll(() => t.stop());

  it.each(SPOOFS)('refuses %s in a title through the API, naming field and rule, writing nothing', async (_label, title) => {
    const head = await t.headPosition();
    const res = await mutate(t, 'planActivity', { commitmentId: 'txt.1', title, weight: 1 });
    expect(codes(res)).toEqual(['VALIDATION_FAILED']);
    expect(res.errors![0].extensions.problems).toEqual([expect.objectContaining({ field: 'title', rule: 'noControlCharacters' })]);
    expect(await t.headPosition()).toBe(head);
  });

  it('refuses them in long texts and notes too', async () => {
    const res = await mutate(t, 'recordOutcome', { commitmentId: 'txt.1', results: 'ok\u202Dbad' });
    expect(res.errors![0].extensions.problems).toEqual([expect.objectContaining({ field: 'results', rule: 'noControlCharacters' })]);
    const note = await mutate(t, 'reportActivityProgress', { commitmentId: 'txt.1', activityId: 'txt.1.1', progress: 1, note: 'x\u2067y' });
    expect(codes(note)).toEqual(['VALIDATION_FAILED']);
  });

  it('refuses them in a plan file, pointing at the element (same rule as the API)', () => {
    const plan = readPlanFile(join(__dirname, '../../data/plans/ma-2018-2020.json')) as { commitments: Array<{ title: string }> };
    plan.commitments[3].title = `Accès \u202E${plan.commitments[3].title}`;
    const check = checkPlanFile(plan);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.problems).toEqual([
      expect.objectContaining({ pointer: '/commitments/3/title', message: expect.stringMatching(/control/) }),
    ]);
  });

  it('exports CSV cells that a spreadsheet would run as formulas as plain text', async () => {
    await mustMutate(t, 'recordAction', {
      commitmentId: 'txt.1',
      activityId: 'txt.1.1',
      kind: 'DONE',
      text: 'done',
      commandId: '=HYPERLINK("http://evil.example","x")',
    });
    const lead = await t.tokenFor('coordinator', '@SUM(1+1)');
    await mutate(t, 'recordOutcome', { commitmentId: 'txt.1', results: 'r', commandId: '+cmd' }, { token: lead });
    const file = join(t.dataDir, 'export.csv');
    process.env.LEDGER_DATA_DIR = t.dataDir;
    try {
      expect(await exportCommand({ format: 'csv', out: file })).toBe(0);
    } finally {
      delete process.env.LEDGER_DATA_DIR;
    }
    const cells = readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((row) => row.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? []);
    const dangerous = cells.map((c) => c.replace(/,$/, '').replace(/^"/, '')).filter((c) => /^[=+\-@\t\r]/.test(c));
    expect(dangerous).toEqual([]);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(text).toContain("'@SUM(1+1)");
    expect(text).toContain("'+cmd");
  });
});
