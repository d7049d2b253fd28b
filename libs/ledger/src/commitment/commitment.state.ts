import { commitmentRate } from '../rates/rates';
import type { CommitmentEvent } from './commitment.events';
import {
  OUTCOME_FIELDS,
  type ActionEntryState,
  type ActivityLifecycle,
  type ActivityState,
  type CommitmentState,
  type OutcomeField,
} from './commitment.types';

export * from './commitment.types';

/** What evolve may learn from an event's metadata (the business date). */
export interface EvolveMeta {
  effectiveAt?: string;
}

export const initialCommitmentState: CommitmentState = {
  exists: false,
  id: '',
  planId: '',
  axisId: '',
  number: 0,
  title: '',
  leadOrganisation: '',
  activities: [],
  communicationActions: [],
  outcomeEffectiveAt: {},
};

/** The commitment's rate; null while nothing counts yet. */
export function rateOf(state: CommitmentState): number | null {
  return commitmentRate(state.activities.map((a) => ({ weight: a.weight, progress: a.progress, cancelled: a.lifecycle === 'CANCELLED' })));
}

function updateActivity(state: CommitmentState, id: string, change: (a: ActivityState) => ActivityState): CommitmentState {
  return { ...state, activities: state.activities.map((a) => (a.id === id ? change(a) : a)) };
}

/** Is `date` strictly before `inForce`? Unknown dates never are (facts folded without metadata). */
export const isBefore = (date: string | undefined, inForce: string | undefined): boolean =>
  date !== undefined && inForce !== undefined && Date.parse(date) < Date.parse(inForce);

export function evolveCommitment(state: CommitmentState, event: CommitmentEvent, meta: EvolveMeta = {}): CommitmentState {
  switch (event.type) {
    case 'CommitmentRegistered': {
      const d = event.data;
      return {
        ...state,
        exists: true,
        id: d.commitmentId,
        planId: d.planId,
        axisId: d.axisId,
        number: d.number,
        title: d.title,
        leadOrganisation: d.leadOrganisation,
        problem: d.problem,
        description: d.description,
      };
    }
    case 'ActivityPlanned': {
      const d = event.data;
      const activity: ActivityState = {
        id: d.activityId,
        number: d.number,
        title: d.title,
        weight: d.weight,
        progress: 0,
        status: 'NOT_STARTED',
        lifecycle: 'ACTIVE',
        reported: false,
        weightEffectiveAt: meta.effectiveAt,
        lifecycleEffectiveAt: meta.effectiveAt,
        actions: [],
      };
      return { ...state, activities: [...state.activities, activity] };
    }
    case 'ActivityWeightSet':
      return updateActivity(state, event.data.activityId, (a) =>
        isBefore(meta.effectiveAt, a.weightEffectiveAt)
          ? a
          : { ...a, weight: event.data.weight, weightEffectiveAt: meta.effectiveAt ?? a.weightEffectiveAt },
      );
    case 'ActivityProgressReported':
      // A late report about an earlier date does not replace a figure effective later.
      return updateActivity(state, event.data.activityId, (a) => {
        const withFigure = { ...a, reported: true };
        return isBefore(meta.effectiveAt, a.progressEffectiveAt)
          ? withFigure
          : {
              ...withFigure,
              progress: event.data.progress,
              status: event.data.status,
              note: event.data.note,
              progressEffectiveAt: meta.effectiveAt ?? a.progressEffectiveAt,
            };
      });
    case 'ActivityProgressCorrected':
      // A correction is dated at the figure it corrects (decideEffectiveAt), so it replaces that
      // figure and keeps its note; a correction dated otherwise (older logs) is a figure of its date.
      return updateActivity(state, event.data.activityId, (a) =>
        isBefore(meta.effectiveAt, a.progressEffectiveAt)
          ? { ...a, reported: true }
          : {
              ...a,
              progress: event.data.progress,
              status: event.data.status,
              progressEffectiveAt: meta.effectiveAt ?? a.progressEffectiveAt,
              reported: true,
            },
      );
    case 'ActionRecorded': {
      const { actionId, kind, text, date, reason } = event.data;
      const entry: ActionEntryState = { id: actionId, kind, text, date, reason, effectiveAt: meta.effectiveAt, retracted: false };
      return updateActivity(state, event.data.activityId, (a) => ({ ...a, actions: [...a.actions, entry] }));
    }
    case 'ActionRetracted':
      return updateActivity(state, event.data.activityId, (a) => ({
        ...a,
        actions: a.actions.map((x) => (x.id === event.data.actionId ? { ...x, retracted: true, retractionReason: event.data.reason } : x)),
      }));
    case 'CommunicationActionLogged': {
      const { communicationActionId, action, date, target, indicators } = event.data;
      return {
        ...state,
        communicationActions: [
          ...state.communicationActions,
          { id: communicationActionId, action, date, target, indicators, effectiveAt: meta.effectiveAt },
        ],
      };
    }
    case 'OutcomeRecorded':
      return recordOutcome(state, event.data, meta.effectiveAt);
    case 'ActivitySuspended':
      return changeLifecycle(state, event.data.activityId, 'SUSPENDED', event.data.reason, meta.effectiveAt);
    case 'ActivityResumed':
      return changeLifecycle(state, event.data.activityId, 'ACTIVE', undefined, meta.effectiveAt);
    case 'ActivityCancelled':
      return changeLifecycle(state, event.data.activityId, 'CANCELLED', event.data.reason, meta.effectiveAt);
    default: {
      const never: never = event;
      return never;
    }
  }
}

function changeLifecycle(
  state: CommitmentState,
  activityId: string,
  lifecycle: ActivityLifecycle,
  reason: string | undefined,
  effectiveAt: string | undefined,
): CommitmentState {
  return updateActivity(state, activityId, (a) =>
    isBefore(effectiveAt, a.lifecycleEffectiveAt)
      ? a
      : { ...a, lifecycle, lifecycleReason: reason, lifecycleEffectiveAt: effectiveAt ?? a.lifecycleEffectiveAt },
  );
}

/** Each outcome field given takes effect unless a value dated later is in force. */
function recordOutcome(
  state: CommitmentState,
  data: Partial<Record<OutcomeField, string>>,
  effectiveAt: string | undefined,
): CommitmentState {
  let next = state;
  for (const field of OUTCOME_FIELDS) {
    const value = data[field];
    if (value === undefined || isBefore(effectiveAt, next.outcomeEffectiveAt[field])) continue;
    next = {
      ...next,
      [field]: value,
      outcomeEffectiveAt: { ...next.outcomeEffectiveAt, [field]: effectiveAt ?? next.outcomeEffectiveAt[field] },
    };
  }
  return next;
}
