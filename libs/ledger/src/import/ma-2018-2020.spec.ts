import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rateOf } from '../commitment/commitment.state';
import { meanRate, roundHalfUp } from '../rates/rates';
import { statusContains } from '../rates/status-band';
import { dryRun } from './dry-run';
import type { PlanFile } from './plan-file';
import { planFileToSteps } from './plan-file-commands';

const file = JSON.parse(readFileSync(join(__dirname, '../../../../data/plans/ma-2018-2020.json'), 'utf8')) as PlanFile;
const PUBLISHED = [100, 100, 95, 96, 100, 95, 24, 100, 100, 95, 98, 100, 25, 26, 63, 100, 99, 97];

describe('the bundled Morocco 2018–2020 plan reproduces the published self-assessment', () => {
  const { problems, plans, commitments } = dryRun(planFileToSteps(file));
  const states = [...commitments.values()].sort((a, b) => a.number - b.number);

  it('passes every domain rule', () => {
    expect(problems).toEqual([]);
  });
  it('has 5 axes, 18 commitments and 79 activities', () => {
    expect(plans.get('ma-2018-2020')?.axes).toHaveLength(5);
    expect(states).toHaveLength(18);
    expect(states.reduce((n, c) => n + c.activities.length, 0)).toBe(79);
  });
  it.each(PUBLISHED.map((rate, i) => [i + 1, rate]))('gives commitment %p the published rate %p %% (rounded half up)', (number, rate) => {
    expect(roundHalfUp(rateOf(states[number - 1]))).toBe(rate);
  });
  it('gives the plan the published 84 %', () => {
    expect(roundHalfUp(meanRate(states.map(rateOf)))).toBe(84);
  });
  it('keeps the band ticked in the report for every activity, with a figure inside it', () => {
    const ticked = file.commitments.flatMap((c) => c.activities.map((a) => [`${c.number}.${a.number}`, a.status]));
    const recorded = states.flatMap((c) => c.activities.map((a) => [`${c.number}.${a.number}`, a.status]));
    expect(recorded).toEqual(ticked);
    for (const c of states) for (const a of c.activities) expect(statusContains(a.status, a.progress)).toBe(true);
  });
  it('carries the cancelled and suspended activities with their reasons', () => {
    const lifecycles = states.flatMap((c) => c.activities.filter((a) => a.lifecycle !== 'ACTIVE').map((a) => `${a.id} ${a.lifecycle}`));
    expect(lifecycles).toEqual(['ma-2018-2020.7.4 SUSPENDED', 'ma-2018-2020.7.5 SUSPENDED', 'ma-2018-2020.14.4 CANCELLED']);
  });
  it('derives the same command ids from the same file (re-import writes nothing)', () => {
    expect(planFileToSteps(file).map((s) => s.commandId)).toEqual(planFileToSteps(file).map((s) => s.commandId));
    expect(new Set(planFileToSteps(file).map((s) => s.commandId)).size).toBe(planFileToSteps(file).length);
  });
});

describe('plan file problems are located by JSON pointer', () => {
  const small = (): PlanFile => ({
    plan: { id: 'x', country: 'X', title: 'T', period: 'P', effectiveAt: '2018-01-01' },
    axes: [{ id: 'a', title: 'A' }],
    commitments: [
      {
        number: 1,
        title: 'C1',
        axis: 'a',
        leadOrganisation: 'O',
        activities: [
          { number: 1, title: 'A1', weight: 1, progress: 100, status: 'COMPLETE', progressEffectiveAt: '2020-12-31' },
          { number: 2, title: 'A2', weight: 1, progress: 75, status: 'COMPLETE', progressEffectiveAt: '2020-12-31' },
        ],
      },
      {
        number: 2,
        title: 'C2',
        axis: 'b',
        leadOrganisation: 'O',
        activities: [{ number: 1, title: 'A', weight: 1, progress: 0, status: 'NOT_STARTED', progressEffectiveAt: '2020-12-31' }],
      },
    ],
  });
  it('points at a band that does not contain its figure, at an unknown axis and at an empty title', () => {
    const f = small();
    f.commitments[0].activities[0].title = ' ';
    const pointers = dryRun(planFileToSteps(f)).problems.map((p) => p.pointer);
    expect(pointers).toEqual(['/commitments/0/activities/0/title', '/commitments/0/activities/1/status', '/commitments/1/axis']);
  });
});
