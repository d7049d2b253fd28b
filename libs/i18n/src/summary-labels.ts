import type { ActionKindKey } from './common-labels';

/** The outcome fields an `OutcomeRecorded` event may carry. */
export type OutcomeFieldKey = 'results' | 'contribution' | 'nextSteps';

/**
 * The audit trail's one-line event summaries, one catalogue per language (`<lang>/summary.ts`), the
 * same keys in each (checked by the compiler). Every value arrives ready: ids and labels as stored
 * ("4.3"), user texts (titles, reasons) already cut to one line, numbers already formatted for the
 * language; each sentence quotes and orders them itself. Pure and total: no sentence throws.
 */
export interface SummaryLabels {
  /** A figure with its percent sign, `n` already formatted ("60 %", "60%"). */
  percent: (n: string) => string;
  /** A figure's move, both already formatted ("1 → 3"). */
  change: (before: string, after: string) => string;
  /** A stored type the code does not know (a newer writer). */
  unknownEvent: (type: string) => string;
  planDefined: (plan: { planId: string; title: string; country: string; period: string }) => string;
  axisAdded: (axisId: string, planId: string, title: string) => string;
  periodClosed: (name: string, planId: string, endsAt: string) => string;
  commitmentRegistered: (commitment: string, title: string, leadOrganisation: string) => string;
  /** `weight` is formatted. */
  activityPlanned: (activity: string, title: string, weight: string) => string;
  /** `change` comes from `change()`. */
  weightSet: (activity: string, change: string) => string;
  progressReported: (activity: string, change: string) => string;
  progressCorrected: (activity: string, change: string, reason: string) => string;
  /** `reason` only for an action not carried out, when one was given. */
  actionRecorded: Record<ActionKindKey, (activity: string, text: string, reason: string | undefined) => string>;
  /** A stored kind the code does not know. */
  actionOfUnknownKind: (kind: string, activity: string, text: string) => string;
  actionRetracted: (action: string, activity: string, reason: string) => string;
  communicationLogged: (commitment: string, action: string) => string;
  /** `fields`: the outcome fields the event carries, in their form order (possibly none). */
  outcomeRecorded: (commitment: string, fields: readonly OutcomeFieldKey[]) => string;
  activitySuspended: (activity: string, reason: string) => string;
  activityResumed: (activity: string, reason: string) => string;
  activityCancelled: (activity: string, reason: string) => string;
  /** `userId` is absent from a malformed stored payload. */
  leadAssigned: (userId: string | undefined, commitment: string) => string;
  leadRevoked: (userId: string | undefined, commitment: string) => string;
}
