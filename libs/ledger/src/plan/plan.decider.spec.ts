import { deciderSpec } from '@ledger/testing';
import type { PlanCommand } from './plan.commands';
import { decidePlan } from './plan.decider';
import type { PlanEvent } from './plan.events';
import { evolvePlan, initialPlanState, type PlanState } from './plan.state';

const spec = deciderSpec<PlanCommand, PlanEvent, PlanState>({
  decide: (c, s) => decidePlan(c, s),
  evolve: evolvePlan,
  initialState: initialPlanState,
});

const planId = 'ma-2018-2020';
const define = { planId, country: 'Maroc', title: 'Plan', period: '2018-2020' };
const defined: PlanEvent = { type: 'PlanDefined', data: define };
const axis = (axisId: string, order: number, title = `Axe ${order}`): PlanEvent => ({
  type: 'AxisAdded',
  data: { planId, axisId, title, order },
});
const closed: PlanEvent = { type: 'ReportingPeriodClosed', data: { planId, name: 'Comité 1', endsAt: '2019-02-28' } };

describe('plan decider', () => {
  describe('DefinePlan', () => {
    it('defines a plan with trimmed texts', () => {
      spec
        .given([])
        .when({ type: 'DefinePlan', data: { planId, country: ' Maroc ', title: 'Plan ', period: ' 2018-2020' } })
        .then([defined]);
    });
    it('refuses to define the same plan twice', () => {
      spec
        .given([defined])
        .when({ type: 'DefinePlan', data: define })
        .thenThrows({ code: 'ILLEGAL_STATE', message: 'plan "ma-2018-2020" is already defined' });
    });
    it.each([['MA-2018'], ['ma 2018'], ['ma--2018'], ['-ma'], ['ma-'], ['ma_2018'], ['x'.repeat(65)], ['']])(
      'refuses the id %j, naming the field and the slug rule',
      (id) => {
        spec
          .given([])
          .when({ type: 'DefinePlan', data: { ...define, planId: id } })
          .thenThrows({ code: 'VALIDATION_FAILED', field: 'planId', message: 'planId must be a lower-case slug' });
      },
    );
    it('accepts an id of exactly 64 characters', () => {
      const id = 'x'.repeat(64);
      spec
        .given([])
        .when({ type: 'DefinePlan', data: { ...define, planId: id } })
        .then([{ type: 'PlanDefined', data: { ...define, planId: id } }]);
    });
    it.each([
      ['country', ''],
      ['title', '   '],
      ['period', '\t'],
    ] as const)('refuses an empty %s, naming it', (field, value) => {
      spec
        .given([])
        .when({ type: 'DefinePlan', data: { ...define, [field]: value } })
        .thenThrows({ code: 'VALIDATION_FAILED', field, message: `${field} must not be empty` });
    });
    it('refuses a missing title, naming it', () => {
      spec
        .given([])
        .when({ type: 'DefinePlan', data: { ...define, title: undefined as unknown as string } })
        .thenThrows({ code: 'VALIDATION_FAILED', field: 'title', message: 'title is required' });
    });
    it('refuses a title over 500 characters, giving the limit and the length', () => {
      spec
        .given([])
        .when({ type: 'DefinePlan', data: { ...define, title: 'x'.repeat(501) } })
        .thenThrows({ code: 'VALIDATION_FAILED', field: 'title', message: 'title must be at most 500 characters, got 501' });
    });
    it('accepts a title of exactly 500 characters', () => {
      spec
        .given([])
        .when({ type: 'DefinePlan', data: { ...define, title: 'x'.repeat(500) } })
        .thenState((s) => expect(s.title).toHaveLength(500));
    });
    it.each([
      ['NUL', 'a\u0000b'],
      ['ESC', 'a\u001bb'],
      ['DEL', 'a\u007fb'],
      ['a vertical tab', 'a\u000bb'],
    ])('refuses %s in a title', (_name, title) => {
      spec
        .given([])
        .when({ type: 'DefinePlan', data: { ...define, title } })
        .thenThrows({ code: 'VALIDATION_FAILED', field: 'title', message: 'title must not contain control characters' });
    });
    it('refuses a C1 control character (NEL, U+0085) in a title', () => {
      spec
        .given([])
        .when({ type: 'DefinePlan', data: { ...define, title: 'a\u0085b' } })
        .thenThrows({ code: 'VALIDATION_FAILED', field: 'title', message: 'title must not contain control characters' });
    });
    it('reports every bad field of one command at once', () => {
      const bad = { planId: 'Bad Id', country: '', title: ' ', period: 'x'.repeat(501) };
      let problems: Array<{ field: string }> = [];
      expect(() => {
        try {
          decidePlan({ type: 'DefinePlan', data: bad }, initialPlanState);
        } catch (e) {
          problems = (e as { details: { problems: Array<{ field: string }> } }).details.problems;
          throw e;
        }
      }).toThrow(/planId must be a lower-case slug.*; country must not be empty; title must not be empty; period must be at most 500/);
      expect(problems.map((p) => p.field)).toEqual(['planId', 'country', 'title', 'period']);
    });
  });

  describe('AddAxis', () => {
    it('adds an axis at the next order with a trimmed title', () => {
      spec
        .given([defined, axis('acces', 1)])
        .when({ type: 'AddAxis', data: { planId, axisId: 'integrite', title: ' Intégrité ' } })
        .then([axis('integrite', 2, 'Intégrité')]);
    });
    it('names an axis axis-<n> when no id is given, skipping ids already taken', () => {
      spec
        .given([defined, axis('axis-2', 1)])
        .when({ type: 'AddAxis', data: { planId, title: 'Axe 2' } })
        .then([axis('axis-3', 2)]);
    });
    it('refuses an axis on a plan that does not exist, naming the plan', () => {
      spec
        .given([])
        .when({ type: 'AddAxis', data: { planId: 'nope', axisId: 'a', title: 'A' } })
        .thenThrows({ code: 'NOT_FOUND', field: 'planId', message: 'planId: plan "nope" does not exist' });
    });
    it('refuses an axis id used before in the plan', () => {
      spec
        .given([defined, axis('acces', 1)])
        .when({ type: 'AddAxis', data: { planId, axisId: 'acces', title: 'Again' } })
        .thenThrows({ code: 'ILLEGAL_STATE', message: 'axis "acces" already exists in plan "ma-2018-2020"' });
    });
    it('refuses an axis id that is not a slug', () => {
      spec
        .given([defined])
        .when({ type: 'AddAxis', data: { planId, axisId: 'Accès', title: 'A' } })
        .thenThrows({ code: 'VALIDATION_FAILED', field: 'axisId', message: 'axisId must be a lower-case slug' });
    });
    it('refuses an empty axis title', () => {
      spec
        .given([defined])
        .when({ type: 'AddAxis', data: { planId, axisId: 'a', title: '' } })
        .thenThrows({ code: 'VALIDATION_FAILED', field: 'title', message: 'title must not be empty' });
    });
  });

  describe('CloseReportingPeriod', () => {
    it('closes a period with a trimmed name', () => {
      spec
        .given([defined])
        .when({ type: 'CloseReportingPeriod', data: { planId, name: ' Comité 1 ', endsAt: '2019-02-28' } })
        .then([closed]);
    });
    it('refuses to close a period of a plan that does not exist', () => {
      spec
        .given([])
        .when({ type: 'CloseReportingPeriod', data: { planId: 'nope', name: 'Comité 1', endsAt: '2019-02-28' } })
        .thenThrows({ code: 'NOT_FOUND', field: 'planId' });
    });
    it('refuses a period name closed before', () => {
      spec
        .given([defined, closed])
        .when({ type: 'CloseReportingPeriod', data: { planId, name: 'Comité 1', endsAt: '2019-04-30' } })
        .thenThrows({ code: 'ILLEGAL_STATE', message: 'reporting period "Comité 1" is already closed' });
    });
    it.each([['2019-01-31'], ['2019-02-28']])('refuses a period ending %s, not after the previous one', (endsAt) => {
      spec
        .given([defined, closed])
        .when({ type: 'CloseReportingPeriod', data: { planId, name: 'Comité 2', endsAt } })
        .thenThrows({ code: 'VALIDATION_FAILED', field: 'endsAt', message: "endsAt must be after the previous period's end 2019-02-28" });
    });
    it.each([['2019-02-30'], ['fin 2019'], ['']])('refuses the end date %j', (endsAt) => {
      spec
        .given([defined])
        .when({ type: 'CloseReportingPeriod', data: { planId, name: 'X', endsAt } })
        .thenThrows({ code: 'VALIDATION_FAILED', field: 'endsAt', message: /^endsAt / });
    });
    it('refuses an empty period name', () => {
      spec
        .given([defined])
        .when({ type: 'CloseReportingPeriod', data: { planId, name: ' ', endsAt: '2019-02-28' } })
        .thenThrows({ code: 'VALIDATION_FAILED', field: 'name', message: 'name must not be empty' });
    });
  });

  describe('evolve', () => {
    it('keeps axes and closed periods in the order they were added', () => {
      spec
        .given([defined, axis('acces', 1), axis('integrite', 2), closed])
        .when({ type: 'CloseReportingPeriod', data: { planId, name: 'Comité 2', endsAt: '2020-12-31' } })
        .thenState((s) => {
          expect(s).toMatchObject({ exists: true, id: planId, country: 'Maroc', title: 'Plan', period: '2018-2020' });
          expect(s.axes.map((a) => [a.id, a.order])).toEqual([
            ['acces', 1],
            ['integrite', 2],
          ]);
          expect(s.periods.map((p) => p.name)).toEqual(['Comité 1', 'Comité 2']);
        });
    });
  });
});
