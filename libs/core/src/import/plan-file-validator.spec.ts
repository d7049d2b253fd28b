import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPlanFile } from './plan-file-validator';

const bundled = (): Record<string, unknown> & { plan: Record<string, unknown>; commitments: Array<Record<string, unknown>> } =>
  JSON.parse(readFileSync(join(__dirname, '../../../../data/plans/ma-2018-2020.json'), 'utf8'));

const problemsOf = (raw: unknown) => {
  const check = checkPlanFile(raw);
  return check.ok ? [] : check.problems.map((p) => `${p.pointer}  ${p.message}`);
};

describe('checkPlanFile: messages a new coordinator can act on', () => {
  it('reports a missing plan date once, at /plan/effectiveAt, and never at the axes (they have no date of their own)', () => {
    const file = bundled();
    delete file.plan.effectiveAt;
    expect(problemsOf(file)).toEqual(['/plan/effectiveAt  effectiveAt is required']);
  });

  it('still refuses a date put on an axis: the schema and the message agree', () => {
    const file = bundled();
    (file.axes as Array<Record<string, unknown>>)[0].effectiveAt = '2018-01-01';
    expect(problemsOf(file)).toEqual(['/axes/0/effectiveAt  effectiveAt is not an accepted field']);
  });

  it('derives the band from the figure when status is absent, as the API does', () => {
    const file = bundled();
    const activities = file.commitments[6].activities as Array<Record<string, unknown>>;
    for (const a of activities) delete a.status;
    const check = checkPlanFile(file);
    expect(check.ok).toBe(true);
    const reports = check.ok
      ? check.steps.filter((s) => s.command.type === 'ReportActivityProgress' && s.pointer.startsWith('/commitments/6/'))
      : [];
    expect(reports.map((s) => (s.command.data as { status?: string }).status)).toEqual(activities.map(() => undefined));
  });

  it('accepts an activity without a starting figure (a new plan has none yet)', () => {
    const file = bundled();
    const activity = (file.commitments[0].activities as Array<Record<string, unknown>>)[0];
    for (const key of ['progress', 'status', 'progressEffectiveAt', 'actionsDone', 'actionsNotDone', 'additionalActions'])
      delete activity[key];
    expect(problemsOf(file)).toEqual([]);
  });

  it('asks for the date of a figure given without one, at the activity', () => {
    const file = bundled();
    delete (file.commitments[0].activities as Array<Record<string, unknown>>)[0].progressEffectiveAt;
    expect(problemsOf(file)).toEqual([
      '/commitments/0/activities/0/progressEffectiveAt  progressEffectiveAt is required when progress is given',
    ]);
  });
});
