import type { AccessState } from '../access/access.decider';
import type { CommitmentState } from '../commitment/commitment.state';
import type { PlanState } from '../plan/plan.state';
import { diffActivity } from './activity-diff';
import type { ImportProblem } from './dry-run';
import type { PlanFile, PlanFileCommitment } from './plan-file';
import { activityPlanStep, activityReportSteps, commitmentSteps, stepCollector, type ImportStep } from './plan-file-commands';

/** A plan as the ledger holds it now: what a revised file is compared with. */
export interface LedgerPlanSnapshot {
  plan: PlanState;
  commitments: readonly CommitmentState[];
  access: AccessState;
}

export interface PlanDiff {
  /** The commands that bring the ledger to the file: only what changed. */
  steps: ImportStep[];
  /** Differences no command can express (a renamed plan, a removed activity…): the file is refused. */
  refusals: ImportProblem[];
}

export interface DiffOptions {
  /** Business date of structural changes (new axes, commitments, activities, weights): the day of the import. */
  revisionDate: string;
  /** Identifies the ledger state compared with (e.g. its log position): command ids are unique per state and date. */
  basis: string;
}

const same = (a: string | undefined, b: string | undefined): boolean => (a ?? '').trim() === (b ?? '').trim();
export const refusal = (pointer: string, message: string): ImportProblem => ({
  pointer,
  code: 'ILLEGAL_STATE',
  rule: 'notExpressible',
  message,
});

/**
 * Compares a revised plan file with the plan in the ledger: new axes, commitments, activities,
 * weights, figures, actions, communication actions, outcome texts and lead changes become the
 * commands a coordinator and the leads would issue; what no command can express is refused.
 */
export function diffPlan(file: PlanFile, current: LedgerPlanSnapshot, options: DiffOptions): PlanDiff {
  const planId = current.plan.id;
  const { steps, add } = stepCollector(planId, (pointer) => `import:${planId}@${options.basis}/${options.revisionDate}:${pointer}`);
  const refusals: ImportProblem[] = [];
  const refuse = (pointer: string, message: string) => refusals.push(refusal(pointer, message));
  const revision: [string, string] = [options.revisionDate, '/plan/effectiveAt'];

  for (const key of ['country', 'title', 'period'] as const)
    if (!same(file.plan[key], current.plan[key]))
      refuse(`/plan/${key}`, `the plan's ${key} is ${JSON.stringify(current.plan[key])} in the ledger; it cannot be changed by an import`);

  const axes = new Map(current.plan.axes.map((a) => [a.id, a]));
  file.axes.forEach((axis, i) => {
    const known = axes.get(axis.id);
    if (!known)
      add(`/axes/${i}`, { type: 'AddAxis', data: { planId, axisId: axis.id, title: axis.title } }, revision, 'coordinator', 'plan');
    else if (!same(known.title, axis.title))
      refuse(`/axes/${i}/title`, `axis "${axis.id}" is titled ${JSON.stringify(known.title)} in the ledger; axes cannot be renamed`);
  });
  for (const a of current.plan.axes)
    if (!file.axes.some((x) => x.id === a.id))
      refuse('/axes', `axis "${a.id}" is in the ledger but not in the file; axes cannot be removed`);

  const byNumber = new Map(current.commitments.map((c) => [c.number, c]));
  const manageLeads = file.commitments.some((c) => c.leads !== undefined);
  file.commitments.forEach((c, ci) => {
    const at = `/commitments/${ci}`;
    const state = byNumber.get(c.number);
    if (!state) return commitmentSteps(add, planId, c, at, revision);
    diffCommitment(c, state, at, add, refuse, revision);
    if (manageLeads) diffLeads(c, state, current.access, at, add, revision);
  });
  for (const c of current.commitments)
    if (!file.commitments.some((x) => x.number === c.number))
      refuse('/commitments', `commitment ${c.number} is in the ledger but not in the file; commitments cannot be removed`);
  return { steps, refusals };
}

type Add = ReturnType<typeof stepCollector>['add'];

function diffCommitment(
  c: PlanFileCommitment,
  state: CommitmentState,
  at: string,
  add: Add,
  refuse: (pointer: string, message: string) => void,
  revision: [string, string],
): void {
  const fields = [
    ['title', c.title, state.title],
    ['axis', c.axis, state.axisId],
    ['leadOrganisation', c.leadOrganisation, state.leadOrganisation],
    ['problem', c.problem, state.problem],
    ['description', c.description, state.description],
  ] as const;
  for (const [key, mine, theirs] of fields)
    if (!same(mine, theirs))
      refuse(
        `${at}/${key}`,
        `commitment ${c.number}: ${key} is ${JSON.stringify(theirs ?? '')} in the ledger; it cannot be changed by an import`,
      );

  const activities = new Map(state.activities.map((a) => [a.number, a]));
  c.activities.forEach((a, ai) => {
    const aat = `${at}/activities/${ai}`;
    const known = activities.get(a.number);
    if (!known) {
      activityPlanStep(add, state.id, a, aat, revision);
      activityReportSteps(add, state.id, a, aat, revision);
      return;
    }
    const parts = diffActivity(a, known, aat, refuse);
    if (parts.weight)
      add(
        `${aat}/weight`,
        { type: 'SetActivityWeight', data: { commitmentId: state.id, activityId: known.id, weight: a.weight } },
        revision,
        'coordinator',
        state.id,
      );
    activityReportSteps(add, state.id, a, aat, revision, parts);
  });
  for (const a of state.activities)
    if (!c.activities.some((x) => x.number === a.number))
      refuse(
        `${at}/activities`,
        `activity ${c.number}.${a.number} is in the ledger but not in the file: cancel it (Lifecycle CANCELLED with a reason) instead of removing it`,
      );

  const logged = [...state.communicationActions];
  (c.communicationActions ?? []).forEach((x, xi) => {
    const i = logged.findIndex(
      (l) => same(l.action, x.action) && same(l.date, x.date) && same(l.target, x.target) && same(l.indicators, x.indicators),
    );
    if (i >= 0) return void logged.splice(i, 1);
    const { action, date, target, indicators } = x;
    const pointer = `${at}/communicationActions/${xi}`;
    const when: [string, string] = x.effectiveUntil
      ? [x.effectiveUntil, `${pointer}/effectiveUntil`]
      : x.effectiveAt
        ? [x.effectiveAt, `${pointer}/effectiveAt`]
        : revision;
    add(
      pointer,
      { type: 'LogCommunicationAction', data: { commitmentId: state.id, action, date, target, indicators } },
      when,
      'lead',
      state.id,
    );
  });
  for (const l of logged)
    refuse(
      `${at}/communicationActions`,
      `communication action ${JSON.stringify(l.action)} is in the ledger but not in the file; it cannot be removed`,
    );

  const outcome: Record<string, string> = {};
  for (const key of ['results', 'contribution', 'nextSteps'] as const) {
    if (c[key] === undefined && state[key] !== undefined)
      refuse(`${at}/${key}`, `commitment ${c.number}: ${key} is recorded in the ledger and cannot be emptied`);
    else if (c[key] !== undefined && !same(c[key], state[key])) outcome[key] = c[key] as string;
  }
  if (Object.keys(outcome).length > 0) {
    const when: [string, string] = c.outcomeEffectiveAt ? [c.outcomeEffectiveAt, `${at}/outcomeEffectiveAt`] : revision;
    add(`${at}/outcome`, { type: 'RecordOutcome', data: { commitmentId: state.id, ...outcome } }, when, 'lead', state.id);
  }
}

/** Leads are managed only when the file lists some: then a lead the file no longer lists is revoked. */
function diffLeads(
  c: PlanFileCommitment,
  state: CommitmentState,
  access: AccessState,
  at: string,
  add: Add,
  revision: [string, string],
): void {
  const current = access.leads[state.id] ?? [];
  const wanted = c.leads ?? [];
  wanted.forEach((userId, li) => {
    if (!current.includes(userId))
      add(`${at}/leads/${li}`, { type: 'AssignLead', data: { commitmentId: state.id, userId } }, revision, 'coordinator', state.id);
  });
  for (const userId of current)
    if (!wanted.includes(userId))
      add(`${at}/leads`, { type: 'RevokeLead', data: { commitmentId: state.id, userId } }, revision, 'coordinator', state.id);
}
