import type { PlanEvent } from './plan.events';

export interface AxisState {
  id: string;
  title: string;
  order: number;
}
export interface ReportingPeriod {
  name: string;
  endsAt: string;
}
export interface PlanState {
  exists: boolean;
  id: string;
  country: string;
  title: string;
  period: string;
  axes: readonly AxisState[];
  periods: readonly ReportingPeriod[];
}

export const initialPlanState: PlanState = {
  exists: false,
  id: '',
  country: '',
  title: '',
  period: '',
  axes: [],
  periods: [],
};

export function evolvePlan(state: PlanState, event: PlanEvent): PlanState {
  switch (event.type) {
    case 'PlanDefined':
      return {
        ...state,
        exists: true,
        id: event.data.planId,
        country: event.data.country,
        title: event.data.title,
        period: event.data.period,
      };
    case 'AxisAdded':
      return { ...state, axes: [...state.axes, { id: event.data.axisId, title: event.data.title, order: event.data.order }] };
    case 'ReportingPeriodClosed':
      return { ...state, periods: [...state.periods, { name: event.data.name, endsAt: event.data.endsAt }] };
    default: {
      const never: never = event;
      return never;
    }
  }
}
