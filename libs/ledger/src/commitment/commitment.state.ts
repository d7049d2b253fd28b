import { commitmentRate } from '../rates/rates';
import type { ActivityStatus } from '../rates/status-band';
import type { ActionKind, CommitmentEvent } from './commitment.events';

export type ActivityLifecycle = 'ACTIVE' | 'SUSPENDED' | 'CANCELLED';

export interface ActionEntryState {
  id: string;
  kind: ActionKind;
  text: string;
  date?: string;
  reason?: string;
  effectiveAt?: string;
  retracted: boolean;
  retractionReason?: string;
}
export interface ActivityState {
  id: string;
  number: number;
  title: string;
  weight: number;
  progress: number;
  status: ActivityStatus;
  lifecycle: ActivityLifecycle;
  lifecycleReason?: string;
  progressEffectiveAt?: string;
  /** Whether a figure was ever reported or corrected (without one, the IRM sees no evidence). */
  reported: boolean;
  actions: readonly ActionEntryState[];
}
export interface CommunicationActionState {
  id: string;
  action: string;
  date?: string;
  target?: string;
  indicators?: string;
  effectiveAt?: string;
}
export interface CommitmentState {
  exists: boolean;
  id: string;
  planId: string;
  axisId: string;
  number: number;
  title: string;
  leadOrganisation: string;
  problem?: string;
  description?: string;
  activities: readonly ActivityState[];
  communicationActions: readonly CommunicationActionState[];
  results?: string;
  contribution?: string;
  nextSteps?: string;
}

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
};

/** The commitment's rate; null while nothing counts yet. */
export function rateOf(state: CommitmentState): number | null {
  return commitmentRate(state.activities.map((a) => ({ weight: a.weight, progress: a.progress, cancelled: a.lifecycle === 'CANCELLED' })));
}

function updateActivity(state: CommitmentState, id: string, change: (a: ActivityState) => ActivityState): CommitmentState {
  return { ...state, activities: state.activities.map((a) => (a.id === id ? change(a) : a)) };
}

const isBefore = (a: string | undefined, b: string | undefined): boolean =>
  a !== undefined && b !== undefined && Date.parse(a) < Date.parse(b);

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
        actions: [],
      };
      return { ...state, activities: [...state.activities, activity] };
    }
    case 'ActivityWeightSet':
      return updateActivity(state, event.data.activityId, (a) => ({ ...a, weight: event.data.weight }));
    case 'ActivityProgressReported':
      // A late report about an earlier date does not replace a figure effective later.
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
    case 'ActivityProgressCorrected':
      // A correction replaces the current figure, keeping the business date it corrects.
      return updateActivity(state, event.data.activityId, (a) => ({
        ...a,
        progress: event.data.progress,
        status: event.data.status,
        reported: true,
      }));
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
    case 'OutcomeRecorded': {
      const { results, contribution, nextSteps } = event.data;
      return {
        ...state,
        results: results ?? state.results,
        contribution: contribution ?? state.contribution,
        nextSteps: nextSteps ?? state.nextSteps,
      };
    }
    case 'ActivitySuspended':
      return updateActivity(state, event.data.activityId, (a) => ({ ...a, lifecycle: 'SUSPENDED', lifecycleReason: event.data.reason }));
    case 'ActivityResumed':
      return updateActivity(state, event.data.activityId, (a) => ({ ...a, lifecycle: 'ACTIVE', lifecycleReason: undefined }));
    case 'ActivityCancelled':
      return updateActivity(state, event.data.activityId, (a) => ({ ...a, lifecycle: 'CANCELLED', lifecycleReason: event.data.reason }));
    default: {
      const never: never = event;
      return never;
    }
  }
}
