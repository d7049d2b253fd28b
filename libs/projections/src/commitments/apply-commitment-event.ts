import { ACTION_KINDS, isBefore, OUTCOME_FIELDS, type ActionKind, type ActivityLifecycle, type CommitmentEvent } from '@ledger/domain';
import { FloatList } from '../number-lists';
import type { EventContentSource } from '../content/event-content';
import { derivedActionId, derivedCommunicationId, type ActivityRow, type CommitmentRow } from './commitment-rows';

/** What a view needs of an ActionRecorded event (kept in memory only where the log cannot be read back). */
export interface ActionContent {
  text: string;
  date?: string;
  reason?: string;
  effectiveAt?: string;
}
export interface CommunicationContent {
  action: string;
  date?: string;
  target?: string;
  indicators?: string;
  effectiveAt?: string;
}

/** Where an event sits and its business date: what `evolveCommitment` learns from metadata, plus the row. */
export interface AppliedAt {
  position: number;
  recordedAt: string;
  effectiveAt?: string;
}

export const newCommitmentRow = (event: Extract<CommitmentEvent, { type: 'CommitmentRegistered' }>): CommitmentRow => ({
  id: event.data.commitmentId,
  planId: event.data.planId,
  axisId: event.data.axisId,
  number: event.data.number,
  title: event.data.title,
  leadOrganisation: event.data.leadOrganisation,
  problem: event.data.problem,
  description: event.data.description,
  outcomeEffectiveAt: {},
  activities: [],
  communication: { ids: [], positions: new FloatList() },
  version: 0,
  lastPosition: 0,
  lastAt: '',
});

/**
 * The read side's fast path for `evolveCommitment` (libs/ledger): the same rules, applied in place
 * to a mutable row instead of copying the commitment's arrays per event. The domain's function
 * stays the rule; `apply-commitment-event.spec.ts` proves this one equal to it on random histories.
 */
export function applyCommitmentEvent(row: CommitmentRow, event: CommitmentEvent, at: AppliedAt, content: EventContentSource): void {
  const effectiveAt = at.effectiveAt;
  switch (event.type) {
    case 'CommitmentRegistered': {
      const d = event.data;
      Object.assign(row, {
        id: d.commitmentId,
        planId: d.planId,
        axisId: d.axisId,
        number: d.number,
        title: d.title,
        leadOrganisation: d.leadOrganisation,
        problem: d.problem,
        description: d.description,
      });
      return;
    }
    case 'ActivityPlanned': {
      const d = event.data;
      row.activities.push({
        id: d.activityId,
        number: d.number,
        title: d.title,
        weight: d.weight,
        progress: 0,
        status: 'NOT_STARTED',
        lifecycle: 'ACTIVE',
        reported: false,
        weightEffectiveAt: effectiveAt,
        lifecycleEffectiveAt: effectiveAt,
        actions: { ids: [], kinds: [], positions: new FloatList() },
        lastPosition: at.position,
        lastAt: at.recordedAt,
      });
      return;
    }
    case 'CommunicationActionLogged': {
      const { communicationActionId, action, date, target, indicators } = event.data;
      const ids = row.communication.ids;
      ids.push(communicationActionId === derivedCommunicationId(row.id, ids.length) ? null : communicationActionId);
      row.communication.positions.push(at.position);
      content.remember<CommunicationContent>(at.position, { action, date, target, indicators, effectiveAt });
      return;
    }
    case 'OutcomeRecorded':
      for (const field of OUTCOME_FIELDS) {
        const value = event.data[field];
        if (value === undefined || isBefore(effectiveAt, row.outcomeEffectiveAt[field])) continue;
        row[field] = value;
        row.outcomeEffectiveAt[field] = effectiveAt ?? row.outcomeEffectiveAt[field];
      }
      return;
    default:
      // Like the domain's `updateActivity`: every activity with that id (ids are unique in practice).
      for (const activity of row.activities)
        if (activity.id === event.data.activityId) {
          applyToActivity(activity, event, at, content);
          activity.lastPosition = at.position;
          activity.lastAt = at.recordedAt;
        }
  }
}

function applyToActivity(a: ActivityRow, event: CommitmentEvent, at: AppliedAt, content: EventContentSource): void {
  const effectiveAt = at.effectiveAt;
  switch (event.type) {
    case 'ActivityWeightSet':
      if (isBefore(effectiveAt, a.weightEffectiveAt)) return;
      a.weight = event.data.weight;
      a.weightEffectiveAt = effectiveAt ?? a.weightEffectiveAt;
      return;
    case 'ActivityProgressReported':
      a.reported = true;
      // A late report about an earlier date does not replace a figure effective later.
      if (isBefore(effectiveAt, a.progressEffectiveAt)) return;
      a.progress = event.data.progress;
      a.status = event.data.status;
      a.note = event.data.note;
      a.progressEffectiveAt = effectiveAt ?? a.progressEffectiveAt;
      return;
    case 'ActivityProgressCorrected':
      a.reported = true;
      if (isBefore(effectiveAt, a.progressEffectiveAt)) return;
      a.progress = event.data.progress;
      a.status = event.data.status;
      a.progressEffectiveAt = effectiveAt ?? a.progressEffectiveAt;
      return;
    case 'ActionRecorded': {
      const { actionId, kind, text, date, reason } = event.data;
      const rows = a.actions;
      rows.ids.push(actionId === derivedActionId(a.id, rows.ids.length) ? null : actionId);
      rows.kinds.push(internedKind(kind));
      rows.positions.push(at.position);
      content.remember<ActionContent>(at.position, { text, date, reason, effectiveAt });
      return;
    }
    case 'ActionRetracted': {
      const rows = a.actions;
      for (let i = 0; i < rows.ids.length; i++)
        if ((rows.ids[i] ?? derivedActionId(a.id, i)) === event.data.actionId) (rows.retracted ??= new Map()).set(i, event.data.reason);
      return;
    }
    case 'ActivitySuspended':
      return changeLifecycle(a, 'SUSPENDED', event.data.reason, effectiveAt);
    case 'ActivityResumed':
      return changeLifecycle(a, 'ACTIVE', undefined, effectiveAt);
    case 'ActivityCancelled':
      return changeLifecycle(a, 'CANCELLED', event.data.reason, effectiveAt);
    default:
      return;
  }
}

/** The module's constant, so 300,000 actions hold a pointer each, not their own parsed "DONE". */
export const internedKind = (kind: ActionKind): ActionKind => ACTION_KINDS.find((k) => k === kind) ?? kind;

function changeLifecycle(a: ActivityRow, lifecycle: ActivityLifecycle, reason: string | undefined, effectiveAt: string | undefined): void {
  if (isBefore(effectiveAt, a.lifecycleEffectiveAt)) return;
  a.lifecycle = lifecycle;
  a.lifecycleReason = reason;
  a.lifecycleEffectiveAt = effectiveAt ?? a.lifecycleEffectiveAt;
}
