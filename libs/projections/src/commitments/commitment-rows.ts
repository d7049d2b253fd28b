import type { FloatList } from '../number-lists';
import type { ActionKind, ActivityLifecycle, ActivityStatus, OutcomeDates, OutcomeField } from '@ledger/domain';

/**
 * The commitments read model as it is held: one mutable row per commitment, per activity, and
 * per action only what changes or identifies it (kind, retraction, the log position of the event
 * that carries its text). Texts are read back by position when a view asks (content/). Ids equal
 * to what the decider derives (`<activity>.x<n>`, `<commitment>.c<n>`) are not stored (null).
 * Plain data (arrays, number lists, one Map): a snapshot serialises it (packed-arrays.ts).
 */
export interface ActionRows {
  ids: Array<string | null>;
  kinds: ActionKind[];
  positions: FloatList;
  /** Retraction reason by action index (few). */
  retracted?: Map<number, string>;
}

export interface ActivityRow {
  id: string;
  number: number;
  title: string;
  weight: number;
  progress: number;
  status: ActivityStatus;
  lifecycle: ActivityLifecycle;
  lifecycleReason?: string;
  note?: string;
  reported: boolean;
  progressEffectiveAt?: string;
  weightEffectiveAt?: string;
  lifecycleEffectiveAt?: string;
  actions: ActionRows;
  /** The last event about this activity (position, recordedAt). */
  lastPosition: number;
  lastAt: string;
}

export interface CommunicationRows {
  ids: Array<string | null>;
  positions: FloatList;
}

export interface CommitmentRow {
  id: string;
  planId: string;
  axisId: string;
  number: number;
  title: string;
  leadOrganisation: string;
  problem?: string;
  description?: string;
  results?: string;
  contribution?: string;
  nextSteps?: string;
  outcomeEffectiveAt: Partial<Record<OutcomeField, string>> & OutcomeDates;
  activities: ActivityRow[];
  communication: CommunicationRows;
  /** Events in its stream. */
  version: number;
  lastPosition: number;
  lastAt: string;
}

export const derivedActionId = (activityId: string, index: number): string => `${activityId}.x${index + 1}`;
export const derivedCommunicationId = (commitmentId: string, index: number): string => `${commitmentId}.c${index + 1}`;

export const actionIdAt = (activity: ActivityRow, index: number): string =>
  activity.actions.ids[index] ?? derivedActionId(activity.id, index);

export const communicationIdAt = (row: CommitmentRow, index: number): string =>
  row.communication.ids[index] ?? derivedCommunicationId(row.id, index);

/** Log positions are exact in a double up to 2^53 (an EventStoreDB log of 9 PB): beyond, refuse rather than round. */
export function positionNumber(position: bigint): number {
  const n = Number(position);
  if (!Number.isSafeInteger(n)) throw new Error(`log position ${position} is beyond what the read models hold exactly`);
  return n;
}
