import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dryRun, meanRate, rateOf, roundHalfUp } from '@ledger/domain';
import { checkPlanImport } from './check-plan-import';

// Reading and writing workbooks takes about a second on an idle machine; the shared one can be ten times slower.
jest.setTimeout(60_000);

const data = (name: string) => readFileSync(join(__dirname, '../../../data/plans', name));
const target = { revisionDate: '2026-11-30', basis: '0' };

describe('the README example plan (data/plans/example-small.json and .xlsx)', () => {
  it('imports from JSON and from the workbook as the same commands', async () => {
    const json = await checkPlanImport({ kind: 'json', bytes: data('example-small.json') }, target);
    const xlsx = await checkPlanImport({ kind: 'xlsx', bytes: data('example-small.xlsx') }, target);
    expect(json.ok && xlsx.ok).toBe(true);
    if (!json.ok || !xlsx.ok) return;
    expect(xlsx.steps.map((s) => [s.command, s.effectiveAt])).toEqual(json.steps.map((s) => [s.command, s.effectiveAt]));
    expect(json.steps).toHaveLength(21);
  });

  it('gives the rates the README shows: 55 %, 63 %, 0 %, plan 39 %', async () => {
    const check = await checkPlanImport({ kind: 'json', bytes: data('example-small.json') }, target);
    if (!check.ok) throw new Error(JSON.stringify(check.problems));
    const rates = [...dryRun(check.steps).commitments.values()].map(rateOf);
    expect(rates.map((r) => roundHalfUp(r!))).toEqual([55, 63, 0]);
    expect(roundHalfUp(meanRate(rates)!)).toBe(39);
  });
});
