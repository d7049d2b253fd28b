import type { ActivityStatus } from '../rates/status-band';

/** The plan file format (data/plans/plan.schema.json is its JSON Schema). */
export interface DatedText {
  date?: string;
  effectiveAt?: string;
  effectiveUntil?: string;
}
export interface PlanFileAction extends DatedText {
  text: string;
  reason?: string;
}
export interface PlanFileActivity {
  number: number;
  title: string;
  weight: number;
  progress: number;
  status: ActivityStatus;
  progressEffectiveAt: string;
  lifecycle?: { state: 'SUSPENDED' | 'CANCELLED'; reason: string; effectiveAt?: string };
  actionsDone?: PlanFileAction[];
  actionsNotDone?: PlanFileAction[];
  additionalActions?: PlanFileAction[];
}
export interface PlanFileCommunicationAction extends DatedText {
  action: string;
  target?: string;
  indicators?: string;
}
export interface PlanFileCommitment {
  number: number;
  title: string;
  axis: string;
  leadOrganisation: string;
  problem?: string;
  description?: string;
  activities: PlanFileActivity[];
  communicationActions?: PlanFileCommunicationAction[];
  results?: string;
  contribution?: string;
  nextSteps?: string;
  outcomeEffectiveAt?: string;
}
export interface PlanFile {
  source?: string;
  reconstructed?: string;
  plan: { id: string; country: string; title: string; period: string; effectiveAt: string };
  axes: Array<{ id: string; title: string }>;
  commitments: PlanFileCommitment[];
}
