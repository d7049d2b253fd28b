import type { ActivityStatus } from '../rates/status-band';
import type { ActionKind } from './commitment.events';

/** The decision state of a commitment stream (also the commitments read model's record). */
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
  /** The note of the latest figure (a correction keeps the note of the figure it corrects). */
  note?: string;
  /** Whether a figure was ever reported or corrected (a correction needs one; without one, the IRM sees no evidence). */
  reported: boolean;
  /**
   * Business dates of the figure, the weight and the lifecycle state in force: each attribute
   * takes the fact with the greatest (effectiveAt, position), so a fact dated earlier than the
   * one in force does not replace it (ADR 0007).
   */
  progressEffectiveAt?: string;
  weightEffectiveAt?: string;
  lifecycleEffectiveAt?: string;
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
  /** Business date of each outcome field in force (like an activity's attributes). */
  outcomeEffectiveAt: OutcomeDates;
}

export type OutcomeField = 'results' | 'contribution' | 'nextSteps';
export const OUTCOME_FIELDS: readonly OutcomeField[] = ['results', 'contribution', 'nextSteps'];
export type OutcomeDates = Readonly<Partial<Record<OutcomeField, string>>>;
