/** Events of the `plan-<planId>` stream. Type names are stored: never rename them. */
export interface PlanDefined {
  type: 'PlanDefined';
  data: { planId: string; country: string; title: string; period: string };
}
export interface AxisAdded {
  type: 'AxisAdded';
  data: { planId: string; axisId: string; title: string; order: number };
}
export interface ReportingPeriodClosed {
  type: 'ReportingPeriodClosed';
  data: { planId: string; name: string; endsAt: string };
}
export type PlanEvent = PlanDefined | AxisAdded | ReportingPeriodClosed;
export const PLAN_EVENT_TYPES: readonly PlanEvent['type'][] = ['PlanDefined', 'AxisAdded', 'ReportingPeriodClosed'];
