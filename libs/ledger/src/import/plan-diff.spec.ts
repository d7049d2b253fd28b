import { initialAccessState } from '../access/access.decider';
import { dryRun } from './dry-run';
import type { PlanFile } from './plan-file';
import { planFileToSteps } from './plan-file-commands';
import { diffPlan, type LedgerPlanSnapshot } from './plan-diff';

const plan = (): PlanFile => ({
  plan: { id: 'd', country: 'D', title: 'Plan', period: '2024-2026', effectiveAt: '2024-01-01' },
  axes: [{ id: 'a', title: 'A' }],
  commitments: [
    {
      number: 1,
      axis: 'a',
      title: 'C1',
      leadOrganisation: 'O',
      activities: [
        {
          number: 1,
          title: 'A1',
          weight: 1,
          progress: 50,
          progressEffectiveAt: '2024-06-30',
          actionsDone: [{ text: 'Atelier', date: 'Mars 2024' }],
        },
        { number: 2, title: 'A2', weight: 1 },
      ],
      leads: ['amina'],
    },
  ],
});

/** The ledger after importing `file`, as the diff sees it. */
function ledgerOf(file: PlanFile): LedgerPlanSnapshot {
  const { plans, commitments, access, problems } = dryRun(planFileToSteps(file));
  expect(problems).toEqual([]);
  return { plan: plans.get('d')!, commitments: [...commitments.values()], access: access.get('d') ?? initialAccessState };
}
const options = { revisionDate: '2024-09-01', basis: '42' };
const diff = (file: PlanFile, current = ledgerOf(plan())) => diffPlan(file, current, options);
const summary = (file: PlanFile) => {
  const { steps, refusals } = diff(file);
  return { steps: steps.map((s) => `${s.command.type} ${s.pointer}`), refusals: refusals.map((r) => `${r.pointer}: ${r.message}`) };
};

describe('diffPlan: a revised plan file against the ledger', () => {
  it('issues nothing for the file the ledger was built from (a re-import writes nothing)', () => {
    expect(summary(plan())).toEqual({ steps: [], refusals: [] });
  });

  it('issues only the new activity, the new weight and the later figure', () => {
    const f = plan();
    const [a1, a2] = f.commitments[0].activities;
    a2.weight = 2;
    Object.assign(a1, { progress: 80, progressEffectiveAt: '2024-08-31' });
    f.commitments[0].activities.push({ number: 3, title: 'A3', weight: 1 });
    expect(summary(f)).toEqual({
      steps: [
        'ReportActivityProgress /commitments/0/activities/0/progress',
        'SetActivityWeight /commitments/0/activities/1/weight',
        'PlanActivity /commitments/0/activities/2',
      ],
      refusals: [],
    });
  });

  it('gives revision commands ids unique to the ledger state and day, dated on the revision day', () => {
    const f = plan();
    f.commitments[0].activities[1].weight = 2;
    const [step] = diff(f).steps;
    expect(step.commandId).toBe('import:d@42/2024-09-01:/commitments/0/activities/1/weight');
    expect(step.effectiveAt).toBe('2024-09-01');
  });

  it('adds a new commitment with everything under it, a new axis, a new action, and revokes a lead no longer listed', () => {
    const f = plan();
    f.axes.push({ id: 'b', title: 'B' });
    f.commitments[0].activities[0].actionsDone!.push({ text: 'Rapport' });
    f.commitments[0].leads = ['karim'];
    f.commitments.push({ number: 2, axis: 'b', title: 'C2', leadOrganisation: 'O', activities: [{ number: 1, title: 'B1', weight: 1 }] });
    expect(summary(f).steps).toEqual([
      'AddAxis /axes/1',
      'RecordAction /commitments/0/activities/0/actionsDone/1',
      'AssignLead /commitments/0/leads/0',
      'RevokeLead /commitments/0/leads',
      'RegisterCommitment /commitments/1',
      'PlanActivity /commitments/1/activities/0',
    ]);
  });

  it('refuses, with each difference, what no command can express', () => {
    const f = plan();
    f.plan.title = 'Nouveau titre';
    f.commitments[0].title = 'C1 bis';
    f.commitments[0].activities.splice(1, 1);
    f.commitments[0].activities[0].progress = 60; // same date, another figure: a correction needs a reason
    f.commitments[0].activities[0].actionsDone = [];
    expect(summary(f).refusals).toEqual([
      '/plan/title: the plan\'s title is "Plan" in the ledger; it cannot be changed by an import',
      '/commitments/0/title: commitment 1: title is "C1" in the ledger; it cannot be changed by an import',
      '/commitments/0/activities/0/progress: activity d.1.1 has 50 % (LIMITED) on 2024-06-30 in the ledger; a different figure on the same date is a correction: use correctActivityProgress with a reason',
      '/commitments/0/activities/0/actionsDone: action "Atelier" of activity d.1.1 is in the ledger but not in the file: retract it (retractAction, with a reason) instead of removing it',
      '/commitments/0/activities: activity 1.2 is in the ledger but not in the file: cancel it (Lifecycle CANCELLED with a reason) instead of removing it',
    ]);
  });

  it('cancels with the reason given, and needs a reason to resume', () => {
    const f = plan();
    f.commitments[0].activities[1].lifecycle = { state: 'CANCELLED', reason: 'fait ailleurs' };
    expect(summary(f).steps).toEqual(['CancelActivity /commitments/0/activities/1/lifecycle']);
    const cancelled = ledgerOf(f);
    const back = plan();
    back.commitments[0].activities[1].lifecycle = { state: 'ACTIVE', reason: 'repris' };
    expect(diff(back, cancelled).refusals.map((r) => r.message)).toEqual([
      'activity d.1.2 is cancelled in the ledger; a cancelled activity cannot be reactivated',
    ]);
  });
});
