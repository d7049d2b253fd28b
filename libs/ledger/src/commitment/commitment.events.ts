import type { ActivityStatus } from '../rates/status-band';

/** Events of the `commitment-<commitmentId>` stream. Type names are stored: never rename them. */
export type ActionKind = 'DONE' | 'NOT_DONE' | 'ADDITIONAL';
export const ACTION_KINDS: readonly ActionKind[] = ['DONE', 'NOT_DONE', 'ADDITIONAL'];

interface OnActivity {
  commitmentId: string;
  activityId: string;
}

export interface CommitmentRegistered {
  type: 'CommitmentRegistered';
  data: {
    commitmentId: string;
    planId: string;
    axisId: string;
    number: number;
    title: string;
    leadOrganisation: string;
    problem?: string;
    description?: string;
  };
}
export interface ActivityPlanned {
  type: 'ActivityPlanned';
  data: OnActivity & { number: number; title: string; weight: number };
}
export interface ActivityWeightSet {
  type: 'ActivityWeightSet';
  data: OnActivity & { weight: number; previousWeight: number };
}
export interface ActivityProgressReported {
  type: 'ActivityProgressReported';
  data: OnActivity & { progress: number; status: ActivityStatus; previousProgress: number; note?: string };
}
/** A correction: the previously reported figure was wrong. Carries what it corrects and why. */
export interface ActivityProgressCorrected {
  type: 'ActivityProgressCorrected';
  data: OnActivity & {
    progress: number;
    status: ActivityStatus;
    previousProgress: number;
    previousStatus: ActivityStatus;
    reason: string;
  };
}
export interface ActionRecorded {
  type: 'ActionRecorded';
  data: OnActivity & { actionId: string; kind: ActionKind; text: string; date?: string; reason?: string };
}
/** A correction: the action was recorded by mistake. */
export interface ActionRetracted {
  type: 'ActionRetracted';
  data: OnActivity & { actionId: string; reason: string };
}
export interface CommunicationActionLogged {
  type: 'CommunicationActionLogged';
  data: {
    commitmentId: string;
    communicationActionId: string;
    action: string;
    date?: string;
    target?: string;
    indicators?: string;
  };
}
export interface OutcomeRecorded {
  type: 'OutcomeRecorded';
  data: { commitmentId: string; results?: string; contribution?: string; nextSteps?: string };
}
export interface ActivitySuspended {
  type: 'ActivitySuspended';
  data: OnActivity & { reason: string };
}
export interface ActivityResumed {
  type: 'ActivityResumed';
  data: OnActivity & { reason: string };
}
export interface ActivityCancelled {
  type: 'ActivityCancelled';
  data: OnActivity & { reason: string };
}

export type CommitmentEvent =
  | CommitmentRegistered
  | ActivityPlanned
  | ActivityWeightSet
  | ActivityProgressReported
  | ActivityProgressCorrected
  | ActionRecorded
  | ActionRetracted
  | CommunicationActionLogged
  | OutcomeRecorded
  | ActivitySuspended
  | ActivityResumed
  | ActivityCancelled;

export const COMMITMENT_EVENT_TYPES: readonly CommitmentEvent['type'][] = [
  'CommitmentRegistered',
  'ActivityPlanned',
  'ActivityWeightSet',
  'ActivityProgressReported',
  'ActivityProgressCorrected',
  'ActionRecorded',
  'ActionRetracted',
  'CommunicationActionLogged',
  'OutcomeRecorded',
  'ActivitySuspended',
  'ActivityResumed',
  'ActivityCancelled',
];
