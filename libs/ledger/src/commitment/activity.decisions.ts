import { checks } from '../shared/checks';
import { LedgerError } from '../shared/ledger-error';
import { LIMITS } from '../shared/limits';
import { ACTIVITY_STATUSES, STATUS_RANGES, deriveStatus, statusContains, type ActivityStatus } from '../rates/status-band';
import type {
  CancelActivity,
  CorrectActivityProgress,
  RecordAction,
  ReportActivityProgress,
  ResumeActivity,
  RetractAction,
  SetActivityWeight,
  SuspendActivity,
} from './commitment.commands';
import { ACTION_KINDS, type CommitmentEvent } from './commitment.events';
import type { ActivityState, CommitmentState } from './commitment.state';

type ActivityCommand =
  | SetActivityWeight
  | ReportActivityProgress
  | CorrectActivityProgress
  | RecordAction
  | RetractAction
  | SuspendActivity
  | ResumeActivity
  | CancelActivity;

/** Decisions on one activity of a commitment. */
export function decideOnActivity(command: ActivityCommand, state: CommitmentState): CommitmentEvent[] {
  const { commitmentId, activityId } = command.data;
  checks().shortText('activityId', activityId).throwIfAny();
  if (!state.exists) throw LedgerError.notFound('commitment', commitmentId, 'commitmentId');
  const activity = state.activities.find((a) => a.id === activityId);
  if (!activity) throw LedgerError.notFound('activity', activityId, 'activityId', `in commitment "${commitmentId}"`);
  const on = { commitmentId: state.id, activityId: activity.id };

  switch (command.type) {
    case 'SetActivityWeight':
      checks().positive('weight', command.data.weight, LIMITS.weightMax).throwIfAny();
      return [{ type: 'ActivityWeightSet', data: { ...on, weight: command.data.weight, previousWeight: activity.weight } }];
    case 'ReportActivityProgress': {
      const { progress, status, note } = command.data;
      checks().longText('note', note).throwIfAny();
      const band = checkedBand(progress, status);
      requireLifecycle(activity, ['ACTIVE'], 'report progress on');
      return [{ type: 'ActivityProgressReported', data: { ...on, progress, status: band, previousProgress: activity.progress, note } }];
    }
    case 'CorrectActivityProgress': {
      const { progress, status, reason } = command.data;
      checks().longText('reason', reason, true).throwIfAny();
      const band = checkedBand(progress, status);
      if (!activity.reported) {
        throw LedgerError.illegalState(`activity "${activity.id}" has no reported figure to correct: report progress instead`, {
          activityId: activity.id,
        });
      }
      return [
        {
          type: 'ActivityProgressCorrected',
          data: {
            ...on,
            progress,
            status: band,
            previousProgress: activity.progress,
            previousStatus: activity.status,
            reason: reason.trim(),
          },
        },
      ];
    }
    case 'RecordAction': {
      const { kind, text, date, reason } = command.data;
      checks()
        .rule(ACTION_KINDS.includes(kind), 'kind', 'enum', `kind must be one of ${ACTION_KINDS.join(', ')}, got ${JSON.stringify(kind)}`)
        .longText('text', text, true)
        .shortText('date', date, false)
        // The report gives a reason for most actions not done, not all: recorded when known.
        .longText('reason', reason)
        .throwIfAny();
      requireLifecycle(activity, ['ACTIVE', 'SUSPENDED'], 'record an action on');
      const actionId = `${activity.id}.x${activity.actions.length + 1}`;
      return [{ type: 'ActionRecorded', data: { ...on, actionId, kind, text: text.trim(), date, reason } }];
    }
    case 'RetractAction': {
      const { actionId, reason } = command.data;
      checks().longText('reason', reason, true).throwIfAny();
      const action = activity.actions.find((a) => a.id === actionId);
      if (!action) throw LedgerError.notFound('action', actionId, 'actionId', `in activity "${activity.id}"`);
      if (action.retracted) throw LedgerError.illegalState(`action "${actionId}" is already retracted`, { actionId });
      return [{ type: 'ActionRetracted', data: { ...on, actionId, reason: reason.trim() } }];
    }
    case 'SuspendActivity':
      checks().longText('reason', command.data.reason, true).throwIfAny();
      requireLifecycle(activity, ['ACTIVE'], 'suspend');
      return [{ type: 'ActivitySuspended', data: { ...on, reason: command.data.reason.trim() } }];
    case 'ResumeActivity':
      checks().longText('reason', command.data.reason, true).throwIfAny();
      requireLifecycle(activity, ['SUSPENDED'], 'resume');
      return [{ type: 'ActivityResumed', data: { ...on, reason: command.data.reason.trim() } }];
    case 'CancelActivity':
      checks().longText('reason', command.data.reason, true).throwIfAny();
      requireLifecycle(activity, ['ACTIVE', 'SUSPENDED'], 'cancel');
      return [{ type: 'ActivityCancelled', data: { ...on, reason: command.data.reason.trim() } }];
    default: {
      const never: never = command;
      return never;
    }
  }
}

/** Progress must be 0–100; a band given with it must contain it; without one it is derived. */
export function checkedBand(progress: unknown, status: ActivityStatus | undefined): ActivityStatus {
  checks()
    .range('progress', progress, LIMITS.progressMin, LIMITS.progressMax)
    .rule(
      status === undefined || ACTIVITY_STATUSES.includes(status),
      'status',
      'enum',
      `status must be one of ${ACTIVITY_STATUSES.join(', ')}, got ${JSON.stringify(status)}`,
    )
    .throwIfAny();
  const p = progress as number;
  if (status === undefined) return deriveStatus(p);
  checks()
    .rule(
      statusContains(status, p),
      'status',
      'bandContainsProgress',
      `status ${status} covers ${STATUS_RANGES[status].label} %, but progress is ${p}`,
    )
    .throwIfAny();
  return status;
}

function requireLifecycle(activity: ActivityState, allowed: ActivityState['lifecycle'][], verb: string): void {
  if (!allowed.includes(activity.lifecycle)) {
    throw LedgerError.illegalState(
      `cannot ${verb} activity "${activity.id}": it is ${activity.lifecycle}${activity.lifecycleReason ? ` (${activity.lifecycleReason})` : ''}`,
      { activityId: activity.id, lifecycle: activity.lifecycle },
    );
  }
}
