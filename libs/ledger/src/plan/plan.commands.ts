/** Commands on the `plan-<planId>` stream. */
export interface DefinePlan {
  type: 'DefinePlan';
  data: { planId: string; country: string; title: string; period: string };
}
export interface AddAxis {
  type: 'AddAxis';
  /** `axisId` defaults to the next free `axis-<n>`. */
  data: { planId: string; axisId?: string; title: string };
}
export interface CloseReportingPeriod {
  type: 'CloseReportingPeriod';
  data: { planId: string; name: string; endsAt: string };
}
export type PlanCommand = DefinePlan | AddAxis | CloseReportingPeriod;
