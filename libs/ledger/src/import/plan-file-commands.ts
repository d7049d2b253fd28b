import type { AccessCommand } from '../access/access.events';
import type { CommitmentCommand } from '../commitment/commitment.commands';
import type { ActionKind } from '../commitment/commitment.events';
import type { PlanCommand } from '../plan/plan.commands';
import { activityIdOf, commitmentIdOf } from '../shared/stream-names';
import type { DatedText, PlanFile, PlanFileAction, PlanFileActivity, PlanFileCommitment } from './plan-file';

/** One command the importer issues, where it comes from in the file, and as whom. */
export interface ImportStep {
  /** JSON pointer of the file element this command comes from. */
  pointer: string;
  command: PlanCommand | CommitmentCommand | AccessCommand;
  /** Deterministic: re-importing the same file finds every command already done. */
  commandId: string;
  effectiveAt: string;
  /** Pointer of the file field the business date comes from (a missing plan date is reported there, once). */
  datePointer: string;
  role: 'coordinator' | 'lead';
  /** Commands of one group must run in order; groups may run concurrently (one per stream). */
  group: string;
}

/** The business date of a dated entry: the end of a range (when it was done), else its day. */
const dateOf = (d: DatedText, at: string, fallback: [string, string]): [string, string] =>
  d.effectiveUntil !== undefined
    ? [d.effectiveUntil, `${at}/effectiveUntil`]
    : d.effectiveAt !== undefined
      ? [d.effectiveAt, `${at}/effectiveAt`]
      : fallback;

type Add = (pointer: string, command: ImportStep['command'], date: [string, string], role: ImportStep['role'], group: string) => void;

/** Builds steps with the default command ids `import:<planId>:<pointer>`. */
export function stepCollector(
  planId: string,
  idOf = (pointer: string) => `import:${planId}:${pointer}`,
): { steps: ImportStep[]; add: Add } {
  const steps: ImportStep[] = [];
  const add: Add = (pointer, command, [effectiveAt, datePointer], role, group) =>
    steps.push({ pointer, command, commandId: idOf(pointer), effectiveAt, datePointer, role, group });
  return { steps, add };
}

/**
 * The commands a coordinator (structure, leads) and the leads (progress, actions, communication,
 * outcome) would issue to enter this plan, in order, each with its business date.
 */
export function planFileToSteps(file: PlanFile): ImportStep[] {
  const planId = file.plan.id;
  const start: [string, string] = [file.plan.effectiveAt, '/plan/effectiveAt'];
  const { steps, add } = stepCollector(planId);
  const { id, country, title, period } = file.plan;
  add('/plan', { type: 'DefinePlan', data: { planId: id, country, title, period } }, start, 'coordinator', 'plan');
  file.axes.forEach((axis, i) =>
    add(`/axes/${i}`, { type: 'AddAxis', data: { planId, axisId: axis.id, title: axis.title } }, start, 'coordinator', 'plan'),
  );
  file.commitments.forEach((c, ci) => commitmentSteps(add, planId, c, `/commitments/${ci}`, start));
  return steps;
}

/** A new commitment: registration, activities, leads, then what was reported on it. */
export function commitmentSteps(add: Add, planId: string, c: PlanFileCommitment, at: string, start: [string, string]): void {
  const commitmentId = commitmentIdOf(planId, c.number);
  const group = commitmentId;
  const { number, title, axis, leadOrganisation, problem, description } = c;
  add(
    at,
    { type: 'RegisterCommitment', data: { planId, axisId: axis, number, title, leadOrganisation, problem, description } },
    start,
    'coordinator',
    group,
  );
  c.activities.forEach((a, ai) => activityPlanStep(add, commitmentId, a, `${at}/activities/${ai}`, start));
  (c.leads ?? []).forEach((userId, li) =>
    add(`${at}/leads/${li}`, { type: 'AssignLead', data: { commitmentId, userId } }, start, 'coordinator', group),
  );
  c.activities.forEach((a, ai) => activityReportSteps(add, commitmentId, a, `${at}/activities/${ai}`, start));
  (c.communicationActions ?? []).forEach((x, xi) => {
    const { action, date, target, indicators } = x;
    const pointer = `${at}/communicationActions/${xi}`;
    const fallback: [string, string] = c.outcomeEffectiveAt ? [c.outcomeEffectiveAt, `${at}/outcomeEffectiveAt`] : start;
    add(
      pointer,
      { type: 'LogCommunicationAction', data: { commitmentId, action, date, target, indicators } },
      dateOf(x, pointer, fallback),
      'lead',
      group,
    );
  });
  if (c.results !== undefined || c.contribution !== undefined || c.nextSteps !== undefined) {
    const { results, contribution, nextSteps } = c;
    const date: [string, string] = c.outcomeEffectiveAt ? [c.outcomeEffectiveAt, `${at}/outcomeEffectiveAt`] : start;
    add(`${at}/outcome`, { type: 'RecordOutcome', data: { commitmentId, results, contribution, nextSteps } }, date, 'lead', group);
  }
}

export function activityPlanStep(add: Add, commitmentId: string, a: PlanFileActivity, at: string, start: [string, string]): void {
  add(
    at,
    { type: 'PlanActivity', data: { commitmentId, number: a.number, title: a.title, weight: a.weight } },
    start,
    'coordinator',
    commitmentId,
  );
}

/** What was reported on one activity: actions, its figure (if any), then its lifecycle. */
export function activityReportSteps(
  add: Add,
  commitmentId: string,
  a: PlanFileActivity,
  at: string,
  start: [string, string],
  only?: ReportParts,
): void {
  const activityId = activityIdOf(commitmentId, a.number);
  // Undated actions and lifecycle changes take the figure's date, or the plan's when there is no figure.
  const figureDate: [string, string] =
    a.progress !== undefined || a.progressEffectiveAt !== undefined
      ? [a.progressEffectiveAt as string, `${at}/progressEffectiveAt`]
      : start;
  const lists: Array<[string, ActionKind, PlanFileAction[] | undefined]> = [
    ['actionsDone', 'DONE', a.actionsDone],
    ['actionsNotDone', 'NOT_DONE', a.actionsNotDone],
    ['additionalActions', 'ADDITIONAL', a.additionalActions],
  ];
  for (const [key, kind, list] of lists) {
    (list ?? []).forEach((x, xi) => {
      const pointer = `${at}/${key}/${xi}`;
      if (only && !only.actions.has(pointer)) return;
      add(
        pointer,
        { type: 'RecordAction', data: { commitmentId, activityId, kind, text: x.text, date: x.date, reason: x.reason } },
        dateOf(x, pointer, figureDate),
        'lead',
        commitmentId,
      );
    });
  }
  if (a.progress !== undefined && (!only || only.figure)) {
    const { progress, status } = a;
    add(
      `${at}/progress`,
      { type: 'ReportActivityProgress', data: { commitmentId, activityId, progress, status } },
      figureDate,
      'lead',
      commitmentId,
    );
  }
  if (a.lifecycle && (!only || only.lifecycle)) {
    const type = LIFECYCLE_COMMANDS[a.lifecycle.state];
    // A new activity starts ACTIVE: an ACTIVE row only means something for one already suspended.
    if (type === 'ResumeActivity' && !only) return;
    const date: [string, string] = a.lifecycle.effectiveAt ? [a.lifecycle.effectiveAt, `${at}/lifecycle/effectiveAt`] : figureDate;
    add(`${at}/lifecycle`, { type, data: { commitmentId, activityId, reason: a.lifecycle.reason } }, date, 'lead', commitmentId);
  }
}

/** Which of an existing activity's reports a revised file adds (the rest is already in the ledger). */
export interface ReportParts {
  actions: ReadonlySet<string>;
  figure: boolean;
  lifecycle: boolean;
}

const LIFECYCLE_COMMANDS = { ACTIVE: 'ResumeActivity', SUSPENDED: 'SuspendActivity', CANCELLED: 'CancelActivity' } as const;
