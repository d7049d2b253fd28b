import {
  OUTCOME_FIELDS,
  type ActionEntryState,
  type ActivityState,
  type CommitmentState,
  type CommunicationActionState,
  type OutcomeDates,
  type OutcomeField,
} from '@ledger/domain';
import { actionEntry, communicationEntry, type ActivityExtras, type CommitmentRecord } from '../commitments/commitment-record';
import type { ActivityRow, CommitmentRow } from '../commitments/commitment-rows';
import type { EventContentSource } from '../content/event-content';
import type { LastUpdate } from '../last-update';
import type { PlanRecord } from '../plans.projection';
import type { ActivityNode, CommitmentNode, PlanNode, TimeTravelData } from './index-nodes';
import type { LogColumns } from './log-columns';
import { inForce } from './sorted-facts';
import { versionAt, type StreamRows } from './stream-rows';
import { isVisible, type TimePoint } from './time-point';

const iso = (log: LogColumns, seq: number): string => new Date(log.effective[seq]).toISOString();

/** The last event of `stream` visible at `point` (its position and recording time), as the live read models keep it. */
function lastUpdateAt(log: LogColumns, stream: StreamRows, point: TimePoint): LastUpdate | undefined {
  const version = versionAt(stream, log, point);
  if (version === 0) return undefined;
  const seq = stream.seqs.items[version - 1];
  const recorded = log.recorded[seq];
  return { position: log.position[seq].toString(), at: Number.isFinite(recorded) ? new Date(recorded).toISOString() : '' };
}

/**
 * A commitment's state at `point`, built from the index (what changes over time) and the current
 * row (what was fixed when each item was created), without folding its history. Undefined when
 * the commitment is not registered at that point. Action and communication-action lists (texts
 * from the log) resolve on first read.
 */
export function commitmentAt(
  data: TimeTravelData,
  node: CommitmentNode,
  row: Readonly<CommitmentRow>,
  content: EventContentSource,
  point: TimePoint,
): CommitmentRecord | undefined {
  const { log } = data;
  if (!isVisible(log, node.seq, point)) return undefined;
  lineUp(`${node.id} activities`, node.activities, row.activities);
  const activities: ActivityState[] = [];
  const extras: Record<string, ActivityExtras> = {};
  node.activities.forEach((activity, i) => {
    if (!isVisible(log, activity.seq, point)) return;
    activities.push(activityAt(log, activity, sameId(row.activities[i], activity.id), content, point));
    extras[activity.id] = { lastUpdate: lastUpdateAt(log, activity.events, point)! };
  });
  const outcome: Partial<Record<OutcomeField, string>> = {};
  const outcomeEffectiveAt: Partial<Record<OutcomeField, string>> = {};
  for (const field of OUTCOME_FIELDS) {
    const facts = node.outcome[field];
    const i = inForce(facts.seqs, log, point);
    if (i < 0) continue;
    outcome[field] = facts.value[i];
    outcomeEffectiveAt[field] = iso(log, facts.seqs.items[i]);
  }
  lineUp(`${node.id} communication actions`, node.communicationSeqs, row.communication.positions);
  // The lists only grow: what was there now is what the view shows, even if read after new events.
  const seqs = node.communicationSeqs.toArray();
  let communication: CommunicationActionState[] | undefined;
  const state: CommitmentState = {
    exists: true,
    id: row.id,
    planId: row.planId,
    axisId: row.axisId,
    number: row.number,
    title: row.title,
    leadOrganisation: row.leadOrganisation,
    problem: row.problem,
    description: row.description,
    activities,
    get communicationActions() {
      return (communication ??= seqs.flatMap((seq, i) => (isVisible(log, seq, point) ? [communicationEntry(row, i, content)] : [])));
    },
    results: outcome.results,
    contribution: outcome.contribution,
    nextSteps: outcome.nextSteps,
    outcomeEffectiveAt: outcomeEffectiveAt as OutcomeDates,
  };
  return { state, version: versionAt(node.stream, log, point), lastUpdate: lastUpdateAt(log, node.stream, point), activities: extras };
}

function activityAt(log: LogColumns, node: ActivityNode, row: ActivityRow, content: EventContentSource, point: TimePoint): ActivityState {
  const p = inForce(node.progress.seqs, log, point);
  const w = inForce(node.weight.seqs, log, point);
  const l = inForce(node.lifecycle.seqs, log, point);
  lineUp(`${node.id} actions`, node.actionSeqs, row.actions.positions);
  const seqs = node.actionSeqs.toArray();
  const retractions = node.retractions && new Map(node.retractions);
  let actions: ActionEntryState[] | undefined;
  const visibleActions = (): ActionEntryState[] =>
    seqs.flatMap((seq, i) => {
      if (!isVisible(log, seq, point)) return [];
      const entry = actionEntry(row, i, content);
      const retraction = retractions?.get(entry.id);
      const retracted = retraction !== undefined && isVisible(log, retraction, point);
      return [
        retracted === entry.retracted ? entry : { ...entry, retracted, retractionReason: retracted ? entry.retractionReason : undefined },
      ];
    });
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    // A weight and a lifecycle fact always exist once the activity does (its planning).
    weight: node.weight.weight[w],
    weightEffectiveAt: iso(log, node.weight.seqs.items[w]),
    progress: p < 0 ? 0 : node.progress.progress.items[p],
    status: p < 0 ? 'NOT_STARTED' : node.progress.status[p],
    note: p < 0 ? undefined : node.progress.note?.[p],
    reported: p >= 0,
    progressEffectiveAt: p < 0 ? undefined : iso(log, node.progress.seqs.items[p]),
    lifecycle: node.lifecycle.state[l],
    lifecycleReason: node.lifecycle.reason[l],
    lifecycleEffectiveAt: iso(log, node.lifecycle.seqs.items[l]),
    get actions() {
      return (actions ??= visibleActions());
    },
  };
}

/** The plan's own record at `point` (axes and closed periods visible then), or undefined. */
export function planAt(data: TimeTravelData, node: PlanNode, current: PlanRecord, point: TimePoint): PlanRecord | undefined {
  const { log } = data;
  if (!isVisible(log, node.seq, point)) return undefined;
  const now = current.state;
  lineUp(`${node.id} axes`, node.axisSeqs, now.axes);
  lineUp(`${node.id} periods`, node.periodSeqs, now.periods);
  return {
    state: {
      ...now,
      axes: now.axes.filter((_, i) => isVisible(log, node.axisSeqs.items[i], point)),
      periods: now.periods.filter((_, i) => isVisible(log, node.periodSeqs.items[i], point)),
    },
    version: versionAt(node.stream, log, point),
    lastUpdate: lastUpdateAt(log, node.stream, point),
  };
}

/** The index and the read model line up item for item; a mismatch is a bug, never a silent wrong answer. */
function sameId<T extends { id: string }>(item: T | undefined, id: string): T {
  if (item?.id !== id) throw outOfLine('item', id, item?.id);
  return item;
}

function lineUp(what: string, rows: { readonly length: number }, items: { readonly length: number }): void {
  if (rows.length !== items.length) throw outOfLine(what, rows.length, items.length);
}

const outOfLine = (what: string, expected: unknown, found: unknown): Error =>
  new Error(`time-travel index out of line with the read model (${what}): expected ${String(expected)}, found ${String(found)}`);
