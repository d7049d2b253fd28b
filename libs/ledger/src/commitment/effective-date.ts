import { LedgerError } from '../shared/ledger-error';
import type { CommitmentCommand } from './commitment.commands';
import type { ActivityState, CommitmentState } from './commitment.state';

/** The business date a caller asked for (if any) and when the ledger records the command. */
export interface EffectiveDateRequest {
  /** `effectiveAt` as sent (ISO 8601), or undefined. */
  requested?: string;
  /** The recording time (ISO 8601): the default business date. */
  recordedAt: string;
}

const canonical = (date: string): string => new Date(date).toISOString();

/**
 * The business date of a commitment command's events (ADR 0007). Each attribute of an activity
 * takes, at any date, the fact with the greatest (effectiveAt, position); for that to be what
 * callers mean:
 * - a correction is about the figure it corrects: it takes that figure's date, and any other
 *   explicit date is refused (VALIDATION_FAILED, rule `correctionDate`);
 * - a retraction takes the date of the action it retracts (rule `retractionDate`);
 * - a weight or lifecycle change dated before the change of that attribute in force would never
 *   take effect: refused (ILLEGAL_STATE naming `effectiveAt` and the later change).
 * Late progress reports, actions and outcomes stay accepted: they are history.
 * Runs after `decideCommitment` accepted the command (the activity and action exist).
 */
export function decideEffectiveAt(command: CommitmentCommand, state: CommitmentState, request: EffectiveDateRequest): string {
  const requested = request.requested === undefined ? undefined : canonical(request.requested);
  const chosen = requested ?? canonical(request.recordedAt);
  const activityId = 'activityId' in command.data ? command.data.activityId : undefined;
  const activity = state.activities.find((a) => a.id === activityId);
  if (!activity) return chosen;
  switch (command.type) {
    case 'CorrectActivityProgress':
      return sameDateAs(activity.progressEffectiveAt, requested, chosen, 'correctionDate', `the figure it corrects`);
    case 'RetractAction': {
      const action = activity.actions.find((a) => a.id === command.data.actionId);
      return sameDateAs(action?.effectiveAt, requested, chosen, 'retractionDate', `the action it retracts ("${command.data.actionId}")`);
    }
    case 'SetActivityWeight':
      return notBefore(activity, 'weight', activity.weightEffectiveAt, chosen);
    case 'SuspendActivity':
    case 'ResumeActivity':
    case 'CancelActivity':
      return notBefore(activity, 'lifecycle', activity.lifecycleEffectiveAt, chosen);
    default:
      return chosen;
  }
}

/** A correction or retraction is dated at what it is about; an explicit different date is refused. */
function sameDateAs(of: string | undefined, requested: string | undefined, chosen: string, rule: string, what: string): string {
  // Only a state folded without dates (a unit test) lacks the date: nothing to compare with.
  if (of === undefined) return chosen;
  const date = canonical(of);
  if (requested !== undefined && requested !== date) {
    throw LedgerError.validation([
      {
        field: 'effectiveAt',
        rule,
        message: `effectiveAt must be the date of ${what}, ${date}, got ${requested}: leave effectiveAt out`,
      },
    ]);
  }
  return date;
}

function notBefore(activity: ActivityState, attribute: 'weight' | 'lifecycle', inForce: string | undefined, chosen: string): string {
  if (inForce !== undefined && Date.parse(chosen) < Date.parse(inForce)) {
    const change = attribute === 'weight' ? `its weight ${activity.weight}` : `its state ${activity.lifecycle}`;
    throw LedgerError.illegalState(
      `effectiveAt ${chosen} is before the change in force on activity "${activity.id}" (${change}, effective ${canonical(inForce)}): ` +
        `a ${attribute} change dated earlier would never take effect; date it at or after ${canonical(inForce)}`,
      { field: 'effectiveAt', activityId: activity.id, inForceSince: canonical(inForce) },
    );
  }
  return chosen;
}
