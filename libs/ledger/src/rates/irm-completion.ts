import { roundHalfUp } from './rates';
import { deriveStatus, type ActivityStatus } from './status-band';

/**
 * OGP Independent Reporting Mechanism completion levels. The ledger's bands are the IRM's four
 * levels; NO_EVIDENCE is the IRM's "No evidence available".
 */
export const IRM_COMPLETION_LEVELS = ['NOT_STARTED', 'LIMITED', 'SUBSTANTIAL', 'COMPLETE', 'NO_EVIDENCE'] as const;
export type IrmCompletion = (typeof IRM_COMPLETION_LEVELS)[number];

/** What the IRM level of an activity depends on. */
export interface IrmActivityInput {
  /** Whether any progress figure was ever reported (or corrected) for it. */
  reported: boolean;
  status: ActivityStatus;
  lifecycle: 'ACTIVE' | 'SUSPENDED' | 'CANCELLED';
}

/** An activity: its band once a figure was reported, else NO_EVIDENCE. */
export function activityIrmCompletion(activity: IrmActivityInput): IrmCompletion {
  return activity.reported ? activity.status : 'NO_EVIDENCE';
}

/**
 * A commitment: NO_EVIDENCE while none of its counted (not cancelled) activities has a reported
 * figure; otherwise the band of its rate as published (rounded half up to whole percent, so a
 * commitment printed at 90 % is COMPLETE and one printed at 0 % is NOT_STARTED).
 */
export function commitmentIrmCompletion(activities: readonly IrmActivityInput[], rate: number | null): IrmCompletion {
  // A reported activity that is not cancelled always gives the commitment a rate (weights are > 0).
  const evidence = activities.some((a) => a.lifecycle !== 'CANCELLED' && a.reported);
  return evidence && rate !== null ? deriveStatus(roundHalfUp(rate)) : 'NO_EVIDENCE';
}

export const IRM_COMPLETION_RULE =
  'OGP IRM completion level. Activity: its status band (NOT_STARTED 0 %, LIMITED 1–59 %, SUBSTANTIAL 60–90 %, ' +
  'COMPLETE 90–100 %) once a progress figure has been reported for it, NO_EVIDENCE (“No evidence available”) before. ' +
  'Commitment: NO_EVIDENCE while none of its activities that are not cancelled has a reported figure; otherwise the band ' +
  'of its implementation rate rounded half up to whole percent, as published (0 → NOT_STARTED, 1–59 → LIMITED, ' +
  '60–89 → SUBSTANTIAL, 90–100 → COMPLETE).';
