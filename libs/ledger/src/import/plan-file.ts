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
  /** A starting figure (optional: a new plan has none yet); its date is then required. */
  progress?: number;
  /** The band ticked in the source; derived from the figure when absent (as the API does). */
  status?: ActivityStatus;
  progressEffectiveAt?: string;
  /** SUSPENDED or CANCELLED with a reason; ACTIVE with a reason resumes a suspended activity (revised files). */
  lifecycle?: { state: 'ACTIVE' | 'SUSPENDED' | 'CANCELLED'; reason: string; effectiveAt?: string };
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
  /** User ids (token `sub`) assigned as leads of this commitment. */
  leads?: string[];
}
export interface PlanFile {
  source?: string;
  /** What the file reconstructs and how: one text, or one per language (fr, en, ar) for the report. */
  reconstructed?: string | Partial<Record<'fr' | 'en' | 'ar', string>>;
  plan: { id: string; country: string; title: string; period: string; effectiveAt: string };
  axes: Array<{ id: string; title: string }>;
  commitments: PlanFileCommitment[];
}
