import type { CommitmentCommand } from '../commitment/commitment.commands';
import type { ActionKind } from '../commitment/commitment.events';
import type { PlanCommand } from '../plan/plan.commands';
import { activityIdOf, commitmentIdOf } from '../shared/stream-names';
import type { DatedText, PlanFile, PlanFileAction } from './plan-file';

/** One command the importer issues, where it comes from in the file, and as whom. */
export interface ImportStep {
  /** JSON pointer of the file element this command comes from. */
  pointer: string;
  command: PlanCommand | CommitmentCommand;
  /** Deterministic: re-importing the same file finds every command already done. */
  commandId: string;
  effectiveAt: string;
  role: 'coordinator' | 'lead';
  /** Commands of one group must run in order; groups may run concurrently (one per stream). */
  group: string;
}

/** The business date of a dated entry: the end of a range (when it was done), else its day. */
const dateOf = (d: DatedText, fallback: string): string => d.effectiveUntil ?? d.effectiveAt ?? fallback;

/**
 * The commands a coordinator (structure) and the leads (progress, actions, communication,
 * outcome) would issue to enter this plan, in order, each with its business date.
 */
export function planFileToSteps(file: PlanFile): ImportStep[] {
  const planId = file.plan.id;
  const start = file.plan.effectiveAt;
  const steps: ImportStep[] = [];
  const add = (pointer: string, command: ImportStep['command'], effectiveAt: string, role: ImportStep['role'], group: string) =>
    steps.push({ pointer, command, commandId: `import:${planId}:${pointer}`, effectiveAt, role, group });

  const { id, country, title, period } = file.plan;
  add('/plan', { type: 'DefinePlan', data: { planId: id, country, title, period } }, start, 'coordinator', 'plan');
  file.axes.forEach((axis, i) =>
    add(`/axes/${i}`, { type: 'AddAxis', data: { planId, axisId: axis.id, title: axis.title } }, start, 'coordinator', 'plan'),
  );

  file.commitments.forEach((c, ci) => {
    const at = `/commitments/${ci}`;
    const commitmentId = commitmentIdOf(planId, c.number);
    const group = commitmentId;
    const { number, title: ctitle, axis, leadOrganisation, problem, description } = c;
    add(
      at,
      { type: 'RegisterCommitment', data: { planId, axisId: axis, number, title: ctitle, leadOrganisation, problem, description } },
      start,
      'coordinator',
      group,
    );
    c.activities.forEach((a, ai) => {
      add(
        `${at}/activities/${ai}`,
        { type: 'PlanActivity', data: { commitmentId, number: a.number, title: a.title, weight: a.weight } },
        start,
        'coordinator',
        group,
      );
    });
    c.activities.forEach((a, ai) => {
      const aat = `${at}/activities/${ai}`;
      const activityId = activityIdOf(commitmentId, a.number);
      const actions: Array<[string, ActionKind, PlanFileAction[] | undefined]> = [
        ['actionsDone', 'DONE', a.actionsDone],
        ['actionsNotDone', 'NOT_DONE', a.actionsNotDone],
        ['additionalActions', 'ADDITIONAL', a.additionalActions],
      ];
      for (const [key, kind, list] of actions) {
        (list ?? []).forEach((x, xi) => {
          add(
            `${aat}/${key}/${xi}`,
            { type: 'RecordAction', data: { commitmentId, activityId, kind, text: x.text, date: x.date, reason: x.reason } },
            dateOf(x, a.progressEffectiveAt),
            'lead',
            group,
          );
        });
      }
      add(
        `${aat}/progress`,
        { type: 'ReportActivityProgress', data: { commitmentId, activityId, progress: a.progress, status: a.status } },
        a.progressEffectiveAt,
        'lead',
        group,
      );
      if (a.lifecycle) {
        const type = a.lifecycle.state === 'SUSPENDED' ? 'SuspendActivity' : 'CancelActivity';
        add(
          `${aat}/lifecycle`,
          { type, data: { commitmentId, activityId, reason: a.lifecycle.reason } },
          a.lifecycle.effectiveAt ?? a.progressEffectiveAt,
          'lead',
          group,
        );
      }
    });
    (c.communicationActions ?? []).forEach((x, xi) => {
      const { action, date, target, indicators } = x;
      add(
        `${at}/communicationActions/${xi}`,
        { type: 'LogCommunicationAction', data: { commitmentId, action, date, target, indicators } },
        dateOf(x, c.outcomeEffectiveAt ?? start),
        'lead',
        group,
      );
    });
    if (c.results !== undefined || c.contribution !== undefined || c.nextSteps !== undefined) {
      const { results, contribution, nextSteps } = c;
      add(
        `${at}/outcome`,
        { type: 'RecordOutcome', data: { commitmentId, results, contribution, nextSteps } },
        c.outcomeEffectiveAt ?? start,
        'lead',
        group,
      );
    }
  });
  return steps;
}
