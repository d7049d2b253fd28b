import { checks } from '../shared/checks';
import { LedgerError } from '../shared/ledger-error';
import { LIMITS } from '../shared/limits';
import { activityIdOf, commitmentIdOf } from '../shared/stream-names';
import type { PlanState } from '../plan/plan.state';
import type { CommitmentCommand, LogCommunicationAction, PlanActivity, RecordOutcome, RegisterCommitment } from './commitment.commands';
import type { CommitmentEvent } from './commitment.events';
import type { CommitmentState } from './commitment.state';
import { decideOnActivity } from './activity.decisions';

/** What a commitment decision may need besides its own stream: the plan it belongs to. */
export interface CommitmentDecisionContext {
  plan?: PlanState;
}

/** decide(command, state, context) → events, or a LedgerError. Pure: no clock, no I/O. */
export function decideCommitment(
  command: CommitmentCommand,
  state: CommitmentState,
  context: CommitmentDecisionContext = {},
): CommitmentEvent[] {
  switch (command.type) {
    case 'RegisterCommitment':
      return registerCommitment(command, state, context.plan);
    case 'PlanActivity':
      return planActivity(command, state);
    case 'LogCommunicationAction':
      return logCommunicationAction(command, state);
    case 'RecordOutcome':
      return recordOutcome(command, state);
    case 'SetActivityWeight':
    case 'ReportActivityProgress':
    case 'CorrectActivityProgress':
    case 'RecordAction':
    case 'RetractAction':
    case 'SuspendActivity':
    case 'ResumeActivity':
    case 'CancelActivity':
      return decideOnActivity(command, state);
    default: {
      const never: never = command;
      return never;
    }
  }
}

export function requireCommitment(state: CommitmentState, commitmentId: string): void {
  if (!state.exists) throw LedgerError.notFound('commitment', commitmentId, 'commitmentId');
}

function registerCommitment({ data }: RegisterCommitment, state: CommitmentState, plan?: PlanState): CommitmentEvent[] {
  checks()
    .slug('planId', data.planId)
    .slug('axisId', data.axisId)
    .integer('number', data.number, 1, LIMITS.commitmentNumberMax)
    .shortText('title', data.title)
    .shortText('leadOrganisation', data.leadOrganisation)
    .longText('problem', data.problem)
    .longText('description', data.description)
    .throwIfAny();
  if (!plan?.exists) throw LedgerError.notFound('plan', data.planId, 'planId');
  if (!plan.axes.some((a) => a.id === data.axisId)) {
    throw LedgerError.notFound(
      'axis',
      data.axisId,
      'axisId',
      `in plan "${data.planId}" (axes: ${plan.axes.map((a) => a.id).join(', ') || 'none'})`,
    );
  }
  const commitmentId = commitmentIdOf(data.planId, data.number);
  if (state.exists) {
    throw LedgerError.illegalState(`commitment number ${data.number} is already registered in plan "${data.planId}"`, { commitmentId });
  }
  return [
    {
      type: 'CommitmentRegistered',
      data: {
        commitmentId,
        planId: data.planId,
        axisId: data.axisId,
        number: data.number,
        title: data.title.trim(),
        leadOrganisation: data.leadOrganisation.trim(),
        problem: data.problem,
        description: data.description,
      },
    },
  ];
}

function planActivity({ data }: PlanActivity, state: CommitmentState): CommitmentEvent[] {
  const number = data.number ?? state.activities.reduce((max, a) => Math.max(max, a.number), 0) + 1;
  checks()
    .integer('number', number, 1, LIMITS.commitmentNumberMax)
    .shortText('title', data.title)
    .positive('weight', data.weight, LIMITS.weightMax)
    .throwIfAny();
  requireCommitment(state, data.commitmentId);
  if (state.activities.some((a) => a.number === number)) {
    throw LedgerError.illegalState(`activity number ${number} already exists in commitment "${state.id}"`, { number });
  }
  return [
    {
      type: 'ActivityPlanned',
      data: { commitmentId: state.id, activityId: activityIdOf(state.id, number), number, title: data.title.trim(), weight: data.weight },
    },
  ];
}

function logCommunicationAction({ data }: LogCommunicationAction, state: CommitmentState): CommitmentEvent[] {
  checks()
    .longText('action', data.action, true)
    .shortText('date', data.date, false)
    .longText('target', data.target)
    .longText('indicators', data.indicators)
    .throwIfAny();
  requireCommitment(state, data.commitmentId);
  const communicationActionId = `${state.id}.c${state.communicationActions.length + 1}`;
  return [
    {
      type: 'CommunicationActionLogged',
      data: {
        commitmentId: state.id,
        communicationActionId,
        action: data.action.trim(),
        date: data.date,
        target: data.target,
        indicators: data.indicators,
      },
    },
  ];
}

function recordOutcome({ data }: RecordOutcome, state: CommitmentState): CommitmentEvent[] {
  checks()
    .longText('results', data.results)
    .longText('contribution', data.contribution)
    .longText('nextSteps', data.nextSteps)
    .rule(
      data.results !== undefined || data.contribution !== undefined || data.nextSteps !== undefined,
      'results',
      'atLeastOne',
      'at least one of results, contribution, nextSteps is required',
    )
    .throwIfAny();
  requireCommitment(state, data.commitmentId);
  return [
    {
      type: 'OutcomeRecorded',
      data: { commitmentId: state.id, results: data.results, contribution: data.contribution, nextSteps: data.nextSteps },
    },
  ];
}
