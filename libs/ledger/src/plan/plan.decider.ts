import { checks } from '../shared/checks';
import { LedgerError } from '../shared/ledger-error';
import type { AddAxis, CloseReportingPeriod, DefinePlan, PlanCommand } from './plan.commands';
import type { PlanEvent } from './plan.events';
import type { PlanState } from './plan.state';

/** decide(command, state) → events, or a LedgerError. Pure: no clock, no I/O. */
export function decidePlan(command: PlanCommand, state: PlanState): PlanEvent[] {
  switch (command.type) {
    case 'DefinePlan':
      return definePlan(command, state);
    case 'AddAxis':
      return addAxis(command, state);
    case 'CloseReportingPeriod':
      return closeReportingPeriod(command, state);
    default: {
      const never: never = command;
      return never;
    }
  }
}

function definePlan({ data }: DefinePlan, state: PlanState): PlanEvent[] {
  checks()
    .slug('planId', data.planId)
    .shortText('country', data.country)
    .shortText('title', data.title)
    .shortText('period', data.period)
    .throwIfAny();
  if (state.exists) throw LedgerError.illegalState(`plan "${data.planId}" is already defined`, { planId: data.planId });
  return [
    {
      type: 'PlanDefined',
      data: { planId: data.planId, country: data.country.trim(), title: data.title.trim(), period: data.period.trim() },
    },
  ];
}

function addAxis({ data }: AddAxis, state: PlanState): PlanEvent[] {
  const order = state.axes.length + 1;
  const axisId = data.axisId ?? nextAxisId(state);
  checks().slug('axisId', axisId).shortText('title', data.title).throwIfAny();
  requireExists(state, data.planId);
  if (state.axes.some((a) => a.id === axisId)) {
    throw LedgerError.illegalState(`axis "${axisId}" already exists in plan "${state.id}"`, { axisId });
  }
  return [{ type: 'AxisAdded', data: { planId: state.id, axisId, title: data.title.trim(), order } }];
}

function closeReportingPeriod({ data }: CloseReportingPeriod, state: PlanState): PlanEvent[] {
  checks().shortText('name', data.name).isoDate('endsAt', data.endsAt, true).throwIfAny();
  requireExists(state, data.planId);
  if (state.periods.some((p) => p.name === data.name.trim())) {
    throw LedgerError.illegalState(`reporting period "${data.name}" is already closed`, { name: data.name });
  }
  const last = state.periods.at(-1);
  if (last && Date.parse(data.endsAt) <= Date.parse(last.endsAt)) {
    throw LedgerError.validation([
      {
        field: 'endsAt',
        rule: 'afterPreviousPeriod',
        message: `endsAt must be after the previous period's end ${last.endsAt}, got ${data.endsAt}`,
      },
    ]);
  }
  return [{ type: 'ReportingPeriodClosed', data: { planId: state.id, name: data.name.trim(), endsAt: data.endsAt } }];
}

function requireExists(state: PlanState, planId: string): void {
  if (!state.exists) throw LedgerError.notFound('plan', planId, 'planId');
}

function nextAxisId(state: PlanState): string {
  let n = state.axes.length + 1;
  while (state.axes.some((a) => a.id === `axis-${n}`)) n++;
  return `axis-${n}`;
}
