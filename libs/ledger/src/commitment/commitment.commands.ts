import type { ActivityStatus } from '../rates/status-band';
import type { ActionKind } from './commitment.events';

/** Commands on the `commitment-<commitmentId>` stream; imperative names, paired with events. */
interface OnActivity {
  commitmentId: string;
  activityId: string;
}
export interface RegisterCommitment {
  type: 'RegisterCommitment';
  data: {
    planId: string;
    axisId: string;
    number: number;
    title: string;
    leadOrganisation: string;
    problem?: string;
    description?: string;
  };
}
export interface PlanActivity {
  type: 'PlanActivity';
  data: { commitmentId: string; number?: number; title: string; weight: number };
}
export interface SetActivityWeight {
  type: 'SetActivityWeight';
  data: OnActivity & { weight: number };
}
export interface ReportActivityProgress {
  type: 'ReportActivityProgress';
  data: OnActivity & { progress: number; status?: ActivityStatus; note?: string };
}
export interface CorrectActivityProgress {
  type: 'CorrectActivityProgress';
  data: OnActivity & { progress: number; status?: ActivityStatus; reason: string };
}
export interface RecordAction {
  type: 'RecordAction';
  data: OnActivity & { kind: ActionKind; text: string; date?: string; reason?: string };
}
export interface RetractAction {
  type: 'RetractAction';
  data: OnActivity & { actionId: string; reason: string };
}
export interface LogCommunicationAction {
  type: 'LogCommunicationAction';
  data: { commitmentId: string; action: string; date?: string; target?: string; indicators?: string };
}
export interface RecordOutcome {
  type: 'RecordOutcome';
  data: { commitmentId: string; results?: string; contribution?: string; nextSteps?: string };
}
export interface SuspendActivity {
  type: 'SuspendActivity';
  data: OnActivity & { reason: string };
}
export interface ResumeActivity {
  type: 'ResumeActivity';
  data: OnActivity & { reason: string };
}
export interface CancelActivity {
  type: 'CancelActivity';
  data: OnActivity & { reason: string };
}

export type CommitmentCommand =
  | RegisterCommitment
  | PlanActivity
  | SetActivityWeight
  | ReportActivityProgress
  | CorrectActivityProgress
  | RecordAction
  | RetractAction
  | LogCommunicationAction
  | RecordOutcome
  | SuspendActivity
  | ResumeActivity
  | CancelActivity;
