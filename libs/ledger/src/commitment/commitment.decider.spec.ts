import { deciderSpec } from '@ledger/testing';
import { evolvePlan, initialPlanState, type PlanState } from '../plan/plan.state';
import type { PlanEvent } from '../plan/plan.events';
import type { ActivityStatus } from '../rates/status-band';
import type { CommitmentCommand, RegisterCommitment } from './commitment.commands';
import { decideCommitment, type CommitmentDecisionContext } from './commitment.decider';
import type { CommitmentEvent } from './commitment.events';
import { evolveCommitment, initialCommitmentState, rateOf, type CommitmentState } from './commitment.state';

const spec = deciderSpec<CommitmentCommand, CommitmentEvent, CommitmentState, CommitmentDecisionContext>({
  decide: decideCommitment,
  evolve: (s, e) => evolveCommitment(s, e),
  initialState: initialCommitmentState,
});

const planEvents: PlanEvent[] = [
  { type: 'PlanDefined', data: { planId: 'p', country: 'Maroc', title: 'Plan', period: '2018-2020' } },
  { type: 'AxisAdded', data: { planId: 'p', axisId: 'acces', title: 'Accès', order: 1 } },
  { type: 'AxisAdded', data: { planId: 'p', axisId: 'integrite', title: 'Intégrité', order: 2 } },
];
const plan: PlanState = planEvents.reduce(evolvePlan, initialPlanState);

const register: RegisterCommitment = {
  type: 'RegisterCommitment',
  data: { planId: 'p', axisId: 'acces', number: 4, title: 'Données ouvertes', leadOrganisation: 'DRA' },
};
const withData = (data: Partial<RegisterCommitment['data']>): RegisterCommitment => ({ ...register, data: { ...register.data, ...data } });
const registered: CommitmentEvent = {
  type: 'CommitmentRegistered',
  data: { commitmentId: 'p.4', planId: 'p', axisId: 'acces', number: 4, title: 'Données ouvertes', leadOrganisation: 'DRA' },
};
const planned = (n: number, weight = 1): CommitmentEvent => ({
  type: 'ActivityPlanned',
  data: { commitmentId: 'p.4', activityId: `p.4.${n}`, number: n, title: `Activité ${n}`, weight },
});

describe('commitment decider', () => {
  describe('RegisterCommitment', () => {
    it('registers a commitment under an axis of its plan, id <planId>.<number>', () => {
      spec.given([]).when(register, { plan }).then([registered]);
    });
    it('trims the title and lead organisation and keeps problem and description as given', () => {
      spec
        .given([])
        .when(withData({ title: ' Données ouvertes ', leadOrganisation: 'DRA\n', problem: 'P', description: 'D' }), { plan })
        .then([{ ...registered, data: { ...registered.data, problem: 'P', description: 'D' } } as CommitmentEvent]);
    });
    it('refuses a commitment in a plan that does not exist', () => {
      spec.given([]).when(register, {}).thenThrows({ code: 'NOT_FOUND', field: 'planId', message: 'planId: plan "p" does not exist' });
    });
    it('refuses an axis the plan does not have, listing the axes it has', () => {
      spec
        .given([])
        .when(withData({ axisId: 'budget' }), { plan })
        .thenThrows({
          code: 'NOT_FOUND',
          field: 'axisId',
          message: 'axisId: axis "budget" does not exist in plan "p" (axes: acces, integrite)',
        });
    });
    it('refuses a commitment number already registered', () => {
      spec
        .given([registered])
        .when(withData({ title: 'Autre' }), { plan })
        .thenThrows({ code: 'ILLEGAL_STATE', message: 'commitment number 4 is already registered in plan "p"' });
    });
    it.each([[0], [1.5], [-2], [10_001]])('refuses the commitment number %p', (number) => {
      spec
        .given([])
        .when(withData({ number }), { plan })
        .thenThrows({
          code: 'VALIDATION_FAILED',
          field: 'number',
          message: `number must be an integer between 1 and 10000, got ${number}`,
        });
    });
    it.each([
      ['planId', 'P 1'],
      ['axisId', 'Accès'],
    ] as const)('refuses a %s that is not a slug, naming it', (field, value) => {
      spec
        .given([])
        .when(withData({ [field]: value }), { plan })
        .thenThrows({ code: 'VALIDATION_FAILED', field, message: `${field} must be a lower-case slug` });
    });
    it.each([['title'], ['leadOrganisation']] as const)('refuses an empty %s, naming it', (field) => {
      spec
        .given([])
        .when(withData({ [field]: ' ' }), { plan })
        .thenThrows({ code: 'VALIDATION_FAILED', field, message: `${field} must not be empty` });
    });
    it('refuses a title over 500 characters', () => {
      spec
        .given([])
        .when(withData({ title: 'x'.repeat(501) }), { plan })
        .thenThrows({ code: 'VALIDATION_FAILED', field: 'title', message: 'title must be at most 500 characters, got 501' });
    });
    it('refuses a problem text over 20,000 characters', () => {
      spec
        .given([])
        .when(withData({ problem: 'x'.repeat(20_001) }), { plan })
        .thenThrows({ code: 'VALIDATION_FAILED', field: 'problem', message: 'problem must be at most 20000 characters, got 20001' });
    });
    it('refuses a control character in the lead organisation', () => {
      spec
        .given([])
        .when(withData({ leadOrganisation: 'DRA\u0007' }), { plan })
        .thenThrows({
          code: 'VALIDATION_FAILED',
          field: 'leadOrganisation',
          message: 'leadOrganisation must not contain control characters',
        });
    });
  });

  describe('PlanActivity', () => {
    it('plans an activity with the number given and a trimmed title', () => {
      spec
        .given([registered])
        .when({ type: 'PlanActivity', data: { commitmentId: 'p.4', number: 3, title: ' Activité 3 ', weight: 0.4 } })
        .then([planned(3, 0.4)]);
    });
    it('numbers an activity after the highest number when none is given', () => {
      spec
        .given([registered, planned(1), planned(5)])
        .when({ type: 'PlanActivity', data: { commitmentId: 'p.4', title: 'Activité 6', weight: 2 } })
        .then([planned(6, 2)]);
    });
    it('refuses an activity number the commitment already has', () => {
      spec
        .given([registered, planned(1)])
        .when({ type: 'PlanActivity', data: { commitmentId: 'p.4', number: 1, title: 'Again', weight: 1 } })
        .thenThrows({ code: 'ILLEGAL_STATE', message: 'activity number 1 already exists in commitment "p.4"' });
    });
    it.each([[0], [-1], [2_000_000]])('refuses the weight %p, giving the range', (weight) => {
      spec
        .given([registered])
        .when({ type: 'PlanActivity', data: { commitmentId: 'p.4', title: 'A', weight } })
        .thenThrows({
          code: 'VALIDATION_FAILED',
          field: 'weight',
          message: `weight must be greater than 0 and at most 1000000, got ${weight}`,
        });
    });
    it.each([[Number.NaN], [Number.POSITIVE_INFINITY]])('refuses the weight %p as not a finite number', (weight) => {
      spec
        .given([registered])
        .when({ type: 'PlanActivity', data: { commitmentId: 'p.4', title: 'A', weight } })
        .thenThrows({ code: 'VALIDATION_FAILED', field: 'weight', message: 'weight must be a finite number' });
    });
    it('refuses an empty activity title', () => {
      spec
        .given([registered])
        .when({ type: 'PlanActivity', data: { commitmentId: 'p.4', title: '', weight: 1 } })
        .thenThrows({ code: 'VALIDATION_FAILED', field: 'title', message: 'title must not be empty' });
    });
    it('refuses an activity on a commitment that does not exist', () => {
      spec
        .given([])
        .when({ type: 'PlanActivity', data: { commitmentId: 'p.9', title: 'A', weight: 1 } })
        .thenThrows({ code: 'NOT_FOUND', field: 'commitmentId', message: 'commitmentId: commitment "p.9" does not exist' });
    });
  });

  describe('LogCommunicationAction', () => {
    it('logs a communication action with the next sequential id', () => {
      spec
        .given([
          registered,
          { type: 'CommunicationActionLogged', data: { commitmentId: 'p.4', communicationActionId: 'p.4.c1', action: 'Radio' } },
        ])
        .when({
          type: 'LogCommunicationAction',
          data: {
            commitmentId: 'p.4',
            action: ' Atelier ',
            date: '12 mars 2020',
            target: 'Société civile',
            indicators: '120 participants',
          },
        })
        .then([
          {
            type: 'CommunicationActionLogged',
            data: {
              commitmentId: 'p.4',
              communicationActionId: 'p.4.c2',
              action: 'Atelier',
              date: '12 mars 2020',
              target: 'Société civile',
              indicators: '120 participants',
            },
          },
        ]);
    });
    it('refuses an empty action', () => {
      spec
        .given([registered])
        .when({ type: 'LogCommunicationAction', data: { commitmentId: 'p.4', action: '' } })
        .thenThrows({ code: 'VALIDATION_FAILED', field: 'action', message: 'action must not be empty' });
    });
    it('refuses a communication action on a commitment that does not exist', () => {
      spec
        .given([])
        .when({ type: 'LogCommunicationAction', data: { commitmentId: 'p.9', action: 'Radio' } })
        .thenThrows({ code: 'NOT_FOUND', field: 'commitmentId' });
    });
  });

  describe('RecordOutcome', () => {
    it('records the outcome fields given', () => {
      spec
        .given([registered])
        .when({ type: 'RecordOutcome', data: { commitmentId: 'p.4', results: 'R', nextSteps: 'N' } })
        .then([{ type: 'OutcomeRecorded', data: { commitmentId: 'p.4', results: 'R', nextSteps: 'N' } }]);
    });
    it('keeps earlier outcome fields that are not given again', () => {
      spec
        .given([registered, { type: 'OutcomeRecorded', data: { commitmentId: 'p.4', results: 'R1', nextSteps: 'N1' } }])
        .when({ type: 'RecordOutcome', data: { commitmentId: 'p.4', results: 'R2' } })
        .thenState((s) => expect([s.results, s.contribution, s.nextSteps]).toEqual(['R2', undefined, 'N1']));
    });
    it('refuses an outcome without any field', () => {
      spec
        .given([registered])
        .when({ type: 'RecordOutcome', data: { commitmentId: 'p.4' } })
        .thenThrows({
          code: 'VALIDATION_FAILED',
          field: 'results',
          message: 'at least one of results, contribution, nextSteps is required',
        });
    });
    it('refuses an outcome on a commitment that does not exist', () => {
      spec
        .given([])
        .when({ type: 'RecordOutcome', data: { commitmentId: 'p.9', results: 'R' } })
        .thenThrows({ code: 'NOT_FOUND', field: 'commitmentId' });
    });
  });
});

describe('commitment state: the rate the report publishes', () => {
  const progress = (n: number, p: number, status: ActivityStatus): CommitmentEvent => ({
    type: 'ActivityProgressReported',
    data: { commitmentId: 'p.4', activityId: `p.4.${n}`, progress: p, status, previousProgress: 0 },
  });
  const on = (n: number) => ({ commitmentId: 'p.4', activityId: `p.4.${n}` });
  const state = (events: CommitmentEvent[]) => events.reduce((s, e) => evolveCommitment(s, e), initialCommitmentState);
  const three = [registered, planned(1), planned(2), planned(3), progress(1, 100, 'COMPLETE')];

  it('weights progress: Σwp/Σw', () => {
    expect(rateOf(state([registered, planned(1, 3), planned(2, 1), progress(1, 100, 'COMPLETE'), progress(2, 20, 'LIMITED')]))).toBe(80);
  });
  it('leaves a cancelled activity out of the rate', () => {
    expect(rateOf(state([...three, { type: 'ActivityCancelled', data: { ...on(2), reason: 'fait ailleurs' } }]))).toBe(50);
  });
  it('keeps a suspended activity in the rate', () => {
    expect(rateOf(state([...three, { type: 'ActivitySuspended', data: { ...on(2), reason: 'refonte' } }]))).toBeCloseTo(100 / 3, 10);
  });
  it('counts a new weight in the rate', () => {
    expect(rateOf(state([...three, { type: 'ActivityWeightSet', data: { ...on(1), weight: 2, previousWeight: 1 } }]))).toBe(50);
  });
  it('has no rate (null, not 0) when all its activities are cancelled', () => {
    const cancelled = { type: 'ActivityCancelled', data: { ...on(1), reason: 'r' } } as const;
    expect(rateOf(state([registered, planned(1), progress(1, 80, 'SUBSTANTIAL'), cancelled]))).toBeNull();
  });
  it('keeps the figure effective last when a late report about an earlier date arrives', () => {
    const s = state([registered, planned(1)]);
    const later = evolveCommitment(s, progress(1, 90, 'COMPLETE'), { effectiveAt: '2020-12-31T00:00:00.000Z' });
    const late = evolveCommitment(later, progress(1, 40, 'LIMITED'), { effectiveAt: '2019-06-30T00:00:00.000Z' });
    expect(late.activities[0]).toMatchObject({ progress: 90, status: 'COMPLETE', progressEffectiveAt: '2020-12-31T00:00:00.000Z' });
  });
});
