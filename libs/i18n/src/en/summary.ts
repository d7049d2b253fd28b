import type { OutcomeFieldKey, SummaryLabels } from '../summary-labels';

const quote = (text: string): string => `“${text}”`;
const fields: Record<OutcomeFieldKey, string> = { results: 'results', contribution: 'contribution', nextSteps: 'next steps' };

/** English — the audit trail's lines. */
export const EN_SUMMARY: SummaryLabels = {
  percent: (n) => `${n}%`,
  change: (before, after) => `${before} → ${after}`,
  unknownEvent: (type) => `Event ${type}`,
  planDefined: ({ planId, title, country, period }) => `Plan ${planId} defined: ${quote(title)} (${country}, ${period})`,
  axisAdded: (axisId, planId, title) => `Axis ${axisId} added to plan ${planId}: ${quote(title)}`,
  periodClosed: (name, planId, endsAt) => `Reporting period ${quote(name)} of plan ${planId} closed at ${endsAt}`,
  commitmentRegistered: (commitment, title, lead) => `Commitment ${commitment} registered: ${quote(title)} (lead organisation: ${lead})`,
  activityPlanned: (activity, title, weight) => `Activity ${activity} planned: ${quote(title)} (weight ${weight})`,
  weightSet: (activity, change) => `Weight of activity ${activity}: ${change}`,
  progressReported: (activity, change) => `Progress of activity ${activity}: ${change}`,
  progressCorrected: (activity, change, reason) => `Correction of progress of activity ${activity}: ${change} (reason: ${reason})`,
  actionRecorded: {
    DONE: (activity, text) => `Completed action added to activity ${activity}: ${quote(text)}`,
    NOT_DONE: (activity, text, reason) =>
      `Action not carried out added to activity ${activity}: ${quote(text)}${reason ? ` (reason: ${reason})` : ''}`,
    ADDITIONAL: (activity, text) => `Additional action added to activity ${activity}: ${quote(text)}`,
  },
  actionOfUnknownKind: (kind, activity, text) => `Action (${kind}) added to activity ${activity}: ${quote(text)}`,
  actionRetracted: (action, activity, reason) => `Action ${action} retracted from activity ${activity} (reason: ${reason})`,
  communicationLogged: (commitment, action) => `Communication action for commitment ${commitment}: ${quote(action)}`,
  outcomeRecorded: (commitment, keys) =>
    `Outcome of commitment ${commitment} updated (${keys.length > 0 ? keys.map((k) => fields[k]).join(', ') : 'no field'})`,
  activitySuspended: (activity, reason) => `Activity ${activity} suspended: ${reason}`,
  activityResumed: (activity, reason) => `Activity ${activity} resumed: ${reason}`,
  activityCancelled: (activity, reason) => `Activity ${activity} cancelled: ${reason}`,
  leadAssigned: (userId, commitment) => `${userId ?? 'A lead'} assigned as lead of commitment ${commitment}`,
  leadRevoked: (userId, commitment) => `${userId ?? 'A lead'} revoked as lead of commitment ${commitment}`,
};
