import type { ActionEntryState, ActivityState, CommitmentState, CommunicationActionState } from '@ledger/domain';
import type { EventContentSource, StoredContent } from '../content/event-content';
import type { LastUpdate } from '../last-update';
import type { ActionContent, CommunicationContent } from './apply-commitment-event';
import { actionIdAt, communicationIdAt, type ActivityRow, type CommitmentRow } from './commitment-rows';

/** What the read side keeps about an activity beyond the domain state (its note is in the state). */
export interface ActivityExtras {
  /** The last event about this activity. */
  lastUpdate: LastUpdate;
}

/** A commitment as the views read it: the domain's state (lists resolved on first read), its version and last update. */
export interface CommitmentRecord {
  state: CommitmentState;
  /** Number of events in the commitment's stream. */
  version: number;
  /** The last event of the commitment's stream. */
  lastUpdate?: LastUpdate;
  /** Per activity id. */
  activities?: Record<string, ActivityExtras>;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const pickAction = ({ data, effectiveAt }: StoredContent): ActionContent => ({
  text: String(data.text),
  date: text(data.date),
  reason: text(data.reason),
  effectiveAt,
});
export const pickCommunication = ({ data, effectiveAt }: StoredContent): CommunicationContent => ({
  action: String(data.action),
  date: text(data.date),
  target: text(data.target),
  indicators: text(data.indicators),
  effectiveAt,
});

/** The action at `index` of an activity, its text read through `content` (retractions as given, default the row's now). */
export function actionEntry(
  activity: ActivityRow,
  index: number,
  content: EventContentSource,
  retractions: ReadonlyMap<number, string> | undefined = activity.actions.retracted,
): ActionEntryState {
  const rows = activity.actions;
  const { text: t, date, reason, effectiveAt } = content.recall(rows.positions.items[index], pickAction);
  const retraction = retractions?.get(index);
  const entry: ActionEntryState = {
    id: actionIdAt(activity, index),
    kind: rows.kinds[index],
    text: t,
    date,
    reason,
    effectiveAt,
    retracted: false,
  };
  return retraction === undefined ? entry : { ...entry, retracted: true, retractionReason: retraction };
}

export function communicationEntry(row: CommitmentRow, index: number, content: EventContentSource): CommunicationActionState {
  const c = content.recall(row.communication.positions.items[index], pickCommunication);
  return { id: communicationIdAt(row, index), ...c };
}

/**
 * The activity's state; `actions` is a getter resolving them (texts read) on first read, as they
 * were when the state was taken (the rows only grow; retractions are copied, they are few).
 */
export function activityState(a: ActivityRow, content: EventContentSource): ActivityState {
  let actions: ActionEntryState[] | undefined;
  const count = a.actions.positions.length;
  const retracted = a.actions.retracted && new Map(a.actions.retracted);
  return {
    id: a.id,
    number: a.number,
    title: a.title,
    weight: a.weight,
    progress: a.progress,
    status: a.status,
    lifecycle: a.lifecycle,
    lifecycleReason: a.lifecycleReason,
    note: a.note,
    reported: a.reported,
    progressEffectiveAt: a.progressEffectiveAt,
    weightEffectiveAt: a.weightEffectiveAt,
    lifecycleEffectiveAt: a.lifecycleEffectiveAt,
    get actions() {
      return (actions ??= Array.from({ length: count }, (_, i) => actionEntry(a, i, content, retracted)));
    },
  };
}

/** The commitment's domain state from its row: the same value `evolveCommitment` folds, lists resolved on first read. */
export function commitmentState(row: CommitmentRow, content: EventContentSource): CommitmentState {
  let communication: CommunicationActionState[] | undefined;
  const count = row.communication.positions.length;
  return {
    exists: true,
    id: row.id,
    planId: row.planId,
    axisId: row.axisId,
    number: row.number,
    title: row.title,
    leadOrganisation: row.leadOrganisation,
    problem: row.problem,
    description: row.description,
    activities: row.activities.map((a) => activityState(a, content)),
    get communicationActions() {
      return (communication ??= Array.from({ length: count }, (_, i) => communicationEntry(row, i, content)));
    },
    results: row.results,
    contribution: row.contribution,
    nextSteps: row.nextSteps,
    outcomeEffectiveAt: { ...row.outcomeEffectiveAt },
  };
}

const update = (position: number, at: string): LastUpdate => ({ position: String(position), at });

/** The record the views and time travel read. */
export function commitmentRecord(row: CommitmentRow, content: EventContentSource): CommitmentRecord {
  const activities: Record<string, ActivityExtras> = {};
  for (const a of row.activities) activities[a.id] = { lastUpdate: update(a.lastPosition, a.lastAt) };
  return { state: commitmentState(row, content), version: row.version, lastUpdate: update(row.lastPosition, row.lastAt), activities };
}
