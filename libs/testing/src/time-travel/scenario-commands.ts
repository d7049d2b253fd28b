import { type ActivityState, type CommitmentCommand, type CommitmentState, type PlanCommand, type PlanState } from '@ledger/domain';
import type { ScenarioStep } from './scenario-steps';

export const SCENARIO_PLAN = 'oracle';
/** Where every history starts: the plan is defined (and its two axes added) effective 2018-06-01. */
export const SCENARIO_START = Date.parse('2019-01-01T00:00:00.000Z');
export const SCENARIO_PLAN_DATE = '2018-06-01T00:00:00.000Z';
const DAY = 86_400_000;

/** A step made concrete against the ledger's current state: the command and the date asked for. */
export interface ResolvedStep {
  command: PlanCommand | CommitmentCommand;
  /** The `effectiveAt` sent with the command, if any. */
  requested?: string;
  /** Record it with the requested date even where today's rule refuses it (as older code did). */
  legacy: boolean;
}

export interface ScenarioContext {
  planId: string;
  plan: PlanState;
  /** Commitments in registration order. */
  commitments: readonly CommitmentState[];
  now: number;
}

export const setupCommands = (planId = SCENARIO_PLAN): PlanCommand[] => [
  { type: 'DefinePlan', data: { planId, country: 'Maroc', title: 'Plan oracle', period: '2018-2020' } },
  { type: 'AddAxis', data: { planId, axisId: 'a', title: 'Axe A' } },
  { type: 'AddAxis', data: { planId, axisId: 'b', title: 'Axe B' } },
];

const pick = <T>(items: readonly T[], i: number): T | undefined => (items.length === 0 ? undefined : items[i % items.length]);

/** Undefined when the step has nothing to act on yet (no commitment, activity or action). */
export function resolveStep(step: ScenarioStep, ctx: ScenarioContext): ResolvedStep | undefined {
  const planId = ctx.planId;
  const requested =
    'back' in step && step.back !== undefined ? new Date(Math.floor(ctx.now / DAY) * DAY - step.back * DAY).toISOString() : undefined;
  const at = (command: ResolvedStep['command'], legacy = false): ResolvedStep => ({ command, requested, legacy });
  if (step.kind === 'registerCommitment') {
    const axis = pick(ctx.plan.axes, step.axis)!;
    const number = ctx.commitments.length + 1;
    return at({
      type: 'RegisterCommitment',
      data: { planId, axisId: axis.id, number, title: `C${number}`, leadOrganisation: 'DRA' },
    });
  }
  if (step.kind === 'closePeriod') {
    const n = ctx.plan.periods.length + 1;
    return {
      command: { type: 'CloseReportingPeriod', data: { planId, name: `P${n}`, endsAt: new Date(ctx.now).toISOString() } },
      legacy: false,
    };
  }
  if (step.kind === 'addAxis') {
    return at({ type: 'AddAxis', data: { planId, title: `Axe ${ctx.plan.axes.length + 1}` } });
  }
  const commitment = pick(ctx.commitments, step.c);
  if (!commitment) return undefined;
  const commitmentId = commitment.id;
  switch (step.kind) {
    case 'planActivity':
      return at({ type: 'PlanActivity', data: { commitmentId, title: `A${commitment.activities.length + 1}`, weight: step.weight } });
    case 'communicate':
      return at({ type: 'LogCommunicationAction', data: { commitmentId, action: `Communiqué ${ctx.now}` } });
    case 'outcome':
      return at({
        type: 'RecordOutcome',
        data: {
          commitmentId,
          results: step.results || !step.nextSteps ? `R ${ctx.now}` : undefined,
          nextSteps: step.nextSteps ? `N ${ctx.now}` : undefined,
        },
      });
    default:
      break;
  }
  const activity: ActivityState | undefined = pick(commitment.activities, step.a);
  if (!activity) return undefined;
  const on = { commitmentId, activityId: activity.id };
  switch (step.kind) {
    case 'report':
      return at({ type: 'ReportActivityProgress', data: { ...on, progress: step.progress, note: step.note } });
    case 'correct': {
      const figure = activity.progressEffectiveAt;
      const explicit =
        step.explicit === 'same'
          ? figure
          : step.explicit === 'other' && figure
            ? new Date(Date.parse(figure) - DAY).toISOString()
            : undefined;
      return {
        command: { type: 'CorrectActivityProgress', data: { ...on, progress: step.progress, reason: 'erreur de saisie' } },
        requested: explicit,
        legacy: false,
      };
    }
    case 'setWeight':
      return at({ type: 'SetActivityWeight', data: { ...on, weight: step.weight } }, step.legacy);
    case 'lifecycle': {
      const type = step.op === 'suspend' ? 'SuspendActivity' : step.op === 'resume' ? 'ResumeActivity' : 'CancelActivity';
      return at({ type, data: { ...on, reason: `${step.op} ${ctx.now}` } }, step.legacy);
    }
    case 'recordAction':
      return at({ type: 'RecordAction', data: { ...on, kind: step.actionKind, text: `Action ${ctx.now}` } });
    case 'retract': {
      const action = pick(activity.actions, step.x);
      return action && { command: { type: 'RetractAction', data: { ...on, actionId: action.id, reason: 'doublon' } }, legacy: false };
    }
  }
}
