import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rateOf, type CommitmentState } from '../commitment/commitment.state';
import { meanRate, roundHalfUp } from '../rates/rates';
import { statusContains } from '../rates/status-band';
import { dryRun } from './dry-run';
import type { PlanFile } from './plan-file';
import { planFileToSteps } from './plan-file-commands';

const text = readFileSync(join(__dirname, '../../../../data/plans/ma-2018-2020.json'), 'utf8');
const file = JSON.parse(text) as PlanFile;
/** Commitment rates 1..18 as published in the self-assessment report (plan: 84 %). */
const PUBLISHED = [100, 100, 95, 96, 100, 95, 24, 100, 100, 95, 98, 100, 25, 26, 63, 100, 99, 97];

describe('the bundled Morocco 2018–2020 plan reproduces the published self-assessment', () => {
  // Computed once: every test reads the same dry run of the whole file.
  const { problems, plans, commitments } = dryRun(planFileToSteps(file));
  const byNumber = new Map<number, CommitmentState>([...commitments.values()].map((c) => [c.number, c]));

  it('passes every domain rule', () => {
    expect(problems).toEqual([]);
  });
  it('has 5 axes', () => {
    expect(plans.get('ma-2018-2020')?.axes).toHaveLength(5);
  });
  it('has 18 commitments, numbered 1 to 18', () => {
    expect([...byNumber.keys()].sort((a, b) => a - b)).toEqual(PUBLISHED.map((_, i) => i + 1));
  });
  it('has 79 activities in total', () => {
    expect([...commitments.values()].reduce((n, c) => n + c.activities.length, 0)).toBe(79);
  });
  it.each(PUBLISHED.map((rate, i) => [i + 1, rate]))('gives commitment %p the published rate %p %% (rounded half up)', (number, rate) => {
    const commitment = byNumber.get(number);
    expect(commitment).toBeDefined();
    expect(roundHalfUp(rateOf(commitment as CommitmentState)!)).toBe(rate);
  });
  it('gives the plan the published 84 % (the mean of its 18 commitment rates)', () => {
    expect(roundHalfUp(meanRate([...commitments.values()].map(rateOf))!)).toBe(84);
  });
  it('records for every activity the band ticked in the report', () => {
    const ticked = file.commitments.flatMap((c) => c.activities.map((a) => `${c.number}.${a.number} ${a.status}`));
    const recorded = [...byNumber.values()].flatMap((c) => c.activities.map((a) => `${c.number}.${a.number} ${a.status}`));
    expect(recorded.sort()).toEqual(ticked.sort());
  });
  it("puts every file figure inside the file's band", () => {
    const outside = file.commitments.flatMap((c) =>
      c.activities
        .filter((a) => a.status === undefined || a.progress === undefined || !statusContains(a.status, a.progress))
        .map((a) => `${c.number}.${a.number}`),
    );
    expect(outside).toEqual([]);
  });
  it('carries the cancelled and suspended activities with their reasons', () => {
    const lifecycles = [...byNumber.values()]
      .sort((a, b) => a.number - b.number)
      .flatMap((c) => c.activities.filter((a) => a.lifecycle !== 'ACTIVE').map((a) => [a.id, a.lifecycle, Boolean(a.lifecycleReason)]));
    expect(lifecycles).toEqual([
      ['ma-2018-2020.7.4', 'SUSPENDED', true],
      ['ma-2018-2020.7.5', 'SUSPENDED', true],
      ['ma-2018-2020.14.4', 'CANCELLED', true],
    ]);
  });
});

describe('planFileToSteps', () => {
  it('derives the same command ids from the same file read twice (a re-import writes nothing)', () => {
    const again = JSON.parse(text) as PlanFile;
    expect(planFileToSteps(again).map((s) => s.commandId)).toEqual(planFileToSteps(file).map((s) => s.commandId));
  });
  it('gives every step its own command id', () => {
    const ids = planFileToSteps(file).map((s) => s.commandId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('dryRun locates plan file problems by JSON pointer', () => {
  const activity = (number: number, title = `A${number}`) =>
    ({ number, title, weight: 1, progress: 100, status: 'COMPLETE', progressEffectiveAt: '2020-12-31' }) as const;
  const commitment = (number: number, axis = 'a') => ({
    number,
    title: `C${number}`,
    axis,
    leadOrganisation: 'O',
    activities: [activity(1), activity(2)],
  });
  // A small valid file; each test breaks one thing (the big file is not needed to locate problems).
  const small = (): PlanFile => ({
    plan: { id: 'x', country: 'X', title: 'T', period: 'P', effectiveAt: '2018-01-01' },
    axes: [{ id: 'a', title: 'A' }],
    commitments: [commitment(1), commitment(2), commitment(3)],
  });
  const pointers = (f: PlanFile) => dryRun(planFileToSteps(f)).problems.map((p) => p.pointer);

  it('finds nothing wrong with the valid fixture', () => {
    expect(dryRun(planFileToSteps(small())).problems).toEqual([]);
  });
  it('points at the band of an activity whose figure lies outside it (LIMITED with 75)', () => {
    const f = small();
    Object.assign(f.commitments[0].activities[1], { status: 'LIMITED', progress: 75 });
    expect(dryRun(planFileToSteps(f)).problems).toEqual([
      {
        pointer: '/commitments/0/activities/1/status',
        code: 'VALIDATION_FAILED',
        message: 'status LIMITED covers 1–59 %, but progress is 75',
        rule: 'bandContainsProgress',
      },
    ]);
  });
  it('points at the axis of a commitment whose axis the file does not define', () => {
    const f = small();
    f.commitments[2].axis = 'b';
    expect(dryRun(planFileToSteps(f)).problems).toEqual([
      {
        pointer: '/commitments/2/axis',
        code: 'NOT_FOUND',
        message: expect.stringContaining('axis "b" does not exist in plan "x"'),
        rule: 'notFound',
      },
    ]);
  });
  it('points at the title of an activity with an empty title', () => {
    const f = small();
    f.commitments[0].activities[0].title = '';
    expect(dryRun(planFileToSteps(f)).problems).toEqual([
      { pointer: '/commitments/0/activities/0/title', code: 'VALIDATION_FAILED', message: 'title must not be empty', rule: 'notEmpty' },
    ]);
  });
  it('reports independent problems of one file together, in file order', () => {
    const f = small();
    f.commitments[0].activities[0].title = ' ';
    Object.assign(f.commitments[0].activities[1], { status: 'LIMITED', progress: 75 });
    f.commitments[2].axis = 'b';
    expect(pointers(f)).toEqual(['/commitments/0/activities/0/title', '/commitments/0/activities/1/status', '/commitments/2/axis']);
  });
  it('points at the second commitment that uses a number, once', () => {
    const f = small();
    f.commitments[1].number = 1;
    expect(pointers(f)).toEqual(['/commitments/1']);
  });
  it('points at the progress of an activity above 100', () => {
    const f = small();
    f.commitments[1].activities[0].progress = 150;
    expect(pointers(f)).toEqual(['/commitments/1/activities/0/progress']);
  });
  it("points at the id of an axis whose id is not a slug ('/axes/0/id')", () => {
    const f = small();
    f.axes.push({ id: 'Bad Id', title: 'B' });
    expect(pointers(f)).toEqual(['/axes/1/id']);
  });
  it("points at the results of a commitment with a results text over 20,000 characters ('/commitments/0/results')", () => {
    const f = small();
    f.commitments[0].results = 'x'.repeat(20_001);
    expect(pointers(f)).toEqual(['/commitments/0/results']);
  });
  it("points at the date of a figure dated on a day that does not exist ('/progressEffectiveAt')", () => {
    const f = small();
    f.commitments[0].activities[0].progressEffectiveAt = '2020-02-30';
    expect(pointers(f)).toEqual(['/commitments/0/activities/0/progressEffectiveAt']);
  });
});
