import type { OutcomeFieldKey, SummaryLabels } from '../summary-labels';

const quote = (text: string): string => `« ${text} »`;
const fields: Record<OutcomeFieldKey, string> = { results: 'résultats', contribution: 'contribution', nextSteps: 'prochaines étapes' };

/** Français — the audit trail's lines (French typography: a space before ":" and "%"). */
export const FR_SUMMARY: SummaryLabels = {
  percent: (n) => `${n} %`,
  change: (before, after) => `${before} → ${after}`,
  unknownEvent: (type) => `Événement ${type}`,
  planDefined: ({ planId, title, country, period }) => `Plan ${planId} défini : ${quote(title)} (${country}, ${period})`,
  axisAdded: (axisId, planId, title) => `Axe ${axisId} ajouté au plan ${planId} : ${quote(title)}`,
  periodClosed: (name, planId, endsAt) => `Période de rapport ${quote(name)} du plan ${planId} close au ${endsAt}`,
  commitmentRegistered: (commitment, title, lead) => `Engagement ${commitment} enregistré : ${quote(title)} (porteur : ${lead})`,
  activityPlanned: (activity, title, weight) => `Activité ${activity} planifiée : ${quote(title)} (poids ${weight})`,
  weightSet: (activity, change) => `Poids de l'activité ${activity} : ${change}`,
  progressReported: (activity, change) => `Progression de l'activité ${activity} : ${change}`,
  progressCorrected: (activity, change, reason) => `Correction de la progression de l'activité ${activity} : ${change} (motif : ${reason})`,
  actionRecorded: {
    DONE: (activity, text) => `Action réalisée ajoutée à l'activité ${activity} : ${quote(text)}`,
    NOT_DONE: (activity, text, reason) =>
      `Action non réalisée ajoutée à l'activité ${activity} : ${quote(text)}${reason ? ` (motif : ${reason})` : ''}`,
    ADDITIONAL: (activity, text) => `Action supplémentaire ajoutée à l'activité ${activity} : ${quote(text)}`,
  },
  actionOfUnknownKind: (kind, activity, text) => `Action (${kind}) ajoutée à l'activité ${activity} : ${quote(text)}`,
  actionRetracted: (action, activity, reason) => `Action ${action} retirée de l'activité ${activity} (motif : ${reason})`,
  communicationLogged: (commitment, action) => `Action de communication de l'engagement ${commitment} : ${quote(action)}`,
  outcomeRecorded: (commitment, keys) =>
    `Résultats de l'engagement ${commitment} mis à jour (${keys.length > 0 ? keys.map((k) => fields[k]).join(', ') : 'aucun champ'})`,
  activitySuspended: (activity, reason) => `Activité ${activity} suspendue : ${reason}`,
  activityResumed: (activity, reason) => `Activité ${activity} reprise : ${reason}`,
  activityCancelled: (activity, reason) => `Activité ${activity} annulée : ${reason}`,
  leadAssigned: (userId, commitment) => `${userId ?? 'Un responsable'} désigné responsable de l'engagement ${commitment}`,
  leadRevoked: (userId, commitment) => `${userId ?? 'Un responsable'} n'est plus responsable de l'engagement ${commitment}`,
};
