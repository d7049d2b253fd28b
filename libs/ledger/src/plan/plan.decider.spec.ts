import { deciderSpec } from '@ledger/testing';
import type { PlanCommand } from './plan.commands';
import { decidePlan } from './plan.decider';
import type { PlanEvent } from './plan.events';
import { evolvePlan, initialPlanState } from './plan.state';

const spec = deciderSpec<PlanCommand, PlanEvent, typeof initialPlanState>({
  decide: (c, s) => decidePlan(c, s),
  evolve: evolvePlan,
  initialState: initialPlanState,
});

const defined: PlanEvent = { type: 'PlanDefined', data: { planId: 'ma-2018-2020', country: 'Maroc', title: 'Plan', period: '2018-2020' } };
const axis = (axisId: string, order: number): PlanEvent => ({
  type: 'AxisAdded',
  data: { planId: 'ma-2018-2020', axisId, title: `Axe ${order}`, order },
});

describe('plan decider', () => {
  describe('DefinePlan', () => {
    it('defines a plan with trimmed texts', () => {
      spec
        .given([])
        .when({ type: 'DefinePlan', data: { planId: 'ma-2018-2020', country: ' Maroc ', title: 'Plan ', period: '2018-2020' } })
        .then([defined]);
    });
    it('refuses to define the same plan twice', () => {
      spec
        .given([defined])
        .when({ type: 'DefinePlan', data: defined.data })
        .thenThrows({ code: 'ILLEGAL_STATE', message: /already defined/ });
    });
    it.each([['MA 2018'], ['ma--2018'], ['-ma'], ['x'.repeat(65)], ['']])('refuses the id %j, naming the slug rule', (planId) => {
      spec
        .given([])
        .when({ type: 'DefinePlan', data: { ...defined.data, planId } })
        .thenThrows({ code: 'VALIDATION_FAILED', field: 'planId', message: /planId must be a lower-case slug/ });
    });
    it('reports every bad field at once', () => {
      let problems: Array<{ field: string }> = [];
      try {
        decidePlan({ type: 'DefinePlan', data: { planId: 'ok', country: '', title: ' ', period: 'x'.repeat(501) } }, initialPlanState);
      } catch (e) {
        problems = (e as { details: { problems: Array<{ field: string }> } }).details.problems;
      }
      expect(problems.map((p) => p.field)).toEqual(['country', 'title', 'period']);
    });
    it('refuses control characters in a title', () => {
      spec
        .given([])
        .when({ type: 'DefinePlan', data: { ...defined.data, title: 'a\u0000b' } })
        .thenThrows({ code: 'VALIDATION_FAILED', field: 'title', message: /control characters/ });
    });
  });

  describe('AddAxis', () => {
    it('adds an axis at the next order', () => {
      spec
        .given([defined, axis('acces', 1)])
        .when({ type: 'AddAxis', data: { planId: 'ma-2018-2020', axisId: 'integrite', title: 'Axe 2' } })
        .then([axis('integrite', 2)]);
    });
    it('names an axis axis-<n> when no id is given', () => {
      spec
        .given([defined, axis('axis-2', 1)])
        .when({ type: 'AddAxis', data: { planId: 'ma-2018-2020', title: 'Axe 2' } })
        .then([axis('axis-3', 2)]);
    });
    it('refuses an axis on a plan that does not exist', () => {
      spec
        .given([])
        .when({ type: 'AddAxis', data: { planId: 'nope', axisId: 'a', title: 'A' } })
        .thenThrows({ code: 'NOT_FOUND', field: 'planId' });
    });
    it('refuses a duplicate axis id', () => {
      spec
        .given([defined, axis('acces', 1)])
        .when({ type: 'AddAxis', data: { planId: 'ma-2018-2020', axisId: 'acces', title: 'Again' } })
        .thenThrows({ code: 'ILLEGAL_STATE', message: /already exists/ });
    });
  });

  describe('CloseReportingPeriod', () => {
    const closed: PlanEvent = { type: 'ReportingPeriodClosed', data: { planId: 'ma-2018-2020', name: 'Comité 1', endsAt: '2019-02-28' } };
    it('closes a period', () => {
      spec
        .given([defined])
        .when({ type: 'CloseReportingPeriod', data: { planId: 'ma-2018-2020', name: 'Comité 1', endsAt: '2019-02-28' } })
        .then([closed]);
    });
    it('refuses a period name used before', () => {
      spec
        .given([defined, closed])
        .when({ type: 'CloseReportingPeriod', data: { planId: 'ma-2018-2020', name: 'Comité 1', endsAt: '2019-04-30' } })
        .thenThrows({ code: 'ILLEGAL_STATE' });
    });
    it('refuses a period ending before the previous one', () => {
      spec
        .given([defined, closed])
        .when({ type: 'CloseReportingPeriod', data: { planId: 'ma-2018-2020', name: 'Comité 2', endsAt: '2019-01-31' } })
        .thenThrows({ code: 'VALIDATION_FAILED', field: 'endsAt', message: /after the previous period/ });
    });
    it('refuses a date that is not on the calendar', () => {
      spec
        .given([defined])
        .when({ type: 'CloseReportingPeriod', data: { planId: 'ma-2018-2020', name: 'X', endsAt: '2019-02-30' } })
        .thenThrows({ code: 'VALIDATION_FAILED', field: 'endsAt' });
    });
  });
});
