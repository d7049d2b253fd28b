import { deciderSpec } from '@ledger/testing';
import { evolvePlan, initialPlanState, type PlanState } from '../plan/plan.state';
import type { PlanEvent } from '../plan/plan.events';
import type { CommitmentCommand } from './commitment.commands';
import { decideCommitment, defaultEffectiveAt, type CommitmentDecisionContext } from './commitment.decider';
import type { CommitmentEvent } from './commitment.events';
import { evolveCommitment, initialCommitmentState, rateOf, type CommitmentState } from './commitment.state';

const commitmentSpec = deciderSpec<CommitmentCommand, CommitmentEvent, CommitmentState, CommitmentDecisionContext>({
  decide: decideCommitment,
  evolve: (s, e) => evolveCommitment(s, e),
  initialState: initialCommitmentState,
});

const plan: PlanState = (
  [
    { type: 'PlanDefined', data: { planId: 'p', country: 'Maroc', title: 'Plan', period: '2018-2020' } },
    { type: 'AxisAdded', data: { planId: 'p', axisId: 'acces', title: 'Accès', order: 1 } },
  ] as PlanEvent[]
).reduce(evolvePlan, initialPlanState);

const registered: CommitmentEvent = {
  type: 'CommitmentRegistered',
  data: {
    commitmentId: 'p.4',
    planId: 'p',
    axisId: 'acces',
    number: 4,
    title: 'Données ouvertes',
    leadOrganisation: 'DRA',
    problem: undefined,
    description: undefined,
  },
};
const planned = (n: number, weight = 1): CommitmentEvent => ({
  type: 'ActivityPlanned',
  data: { commitmentId: 'p.4', activityId: `p.4.${n}`, number: n, title: `Activité ${n}`, weight },
});

describe('commitment decider: registration, activities, communication, outcome', () => {
  const register = {
    type: 'RegisterCommitment',
    data: { planId: 'p', axisId: 'acces', number: 4, title: 'Données ouvertes', leadOrganisation: 'DRA' },
  } as const;

  it('registers a commitment under an axis of its plan', () => {
    commitmentSpec.given([]).when(register, { plan }).then([registered]);
  });
  it('refuses a commitment in a plan that does not exist', () => {
    commitmentSpec.given([]).when(register, {}).thenThrows({ code: 'NOT_FOUND', field: 'planId' });
  });
  it('refuses an axis the plan does not have, listing the axes it has', () => {
    commitmentSpec
      .given([])
      .when({ ...register, data: { ...register.data, axisId: 'budget' } }, { plan })
      .thenThrows({ code: 'NOT_FOUND', field: 'axisId', message: /axes: acces/ });
  });
  it('refuses the same commitment number twice', () => {
    commitmentSpec
      .given([registered])
      .when(register, { plan })
      .thenThrows({ code: 'ILLEGAL_STATE', message: /number 4 is already registered/ });
  });
  it.each([[0], [1.5], [-2]])('refuses commitment number %p', (number) => {
    commitmentSpec
      .given([])
      .when({ ...register, data: { ...register.data, number } }, { plan })
      .thenThrows({ code: 'VALIDATION_FAILED', field: 'number' });
  });
  it('refuses a problem text over 20,000 characters', () => {
    commitmentSpec
      .given([])
      .when({ ...register, data: { ...register.data, problem: 'x'.repeat(20_001) } }, { plan })
      .thenThrows({ code: 'VALIDATION_FAILED', field: 'problem', message: /at most 20000 characters, got 20001/ });
  });

  it('plans an activity with the next number by default', () => {
    commitmentSpec
      .given([registered, planned(1)])
      .when({ type: 'PlanActivity', data: { commitmentId: 'p.4', title: 'Activité 2', weight: 2 } })
      .then([planned(2, 2)]);
  });
  it('refuses a duplicate activity number', () => {
    commitmentSpec
      .given([registered, planned(1)])
      .when({ type: 'PlanActivity', data: { commitmentId: 'p.4', number: 1, title: 'Again', weight: 1 } })
      .thenThrows({ code: 'ILLEGAL_STATE' });
  });
  it.each([[0], [-1], [Number.NaN], [Number.POSITIVE_INFINITY], [2_000_000]])('refuses weight %p', (weight) => {
    commitmentSpec
      .given([registered])
      .when({ type: 'PlanActivity', data: { commitmentId: 'p.4', title: 'A', weight } })
      .thenThrows({ code: 'VALIDATION_FAILED', field: 'weight' });
  });
  it('refuses an activity on a commitment that does not exist', () => {
    commitmentSpec
      .given([])
      .when({ type: 'PlanActivity', data: { commitmentId: 'p.9', title: 'A', weight: 1 } })
      .thenThrows({ code: 'NOT_FOUND', field: 'commitmentId' });
  });

  it('logs communication actions with sequential ids', () => {
    commitmentSpec
      .given([
        registered,
        { type: 'CommunicationActionLogged', data: { commitmentId: 'p.4', communicationActionId: 'p.4.c1', action: 'Radio' } },
      ])
      .when({
        type: 'LogCommunicationAction',
        data: { commitmentId: 'p.4', action: 'Atelier', date: '12 mars 2020', target: 'Société civile', indicators: '120 participants' },
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
  it('records an outcome, keeping earlier fields not given again', () => {
    commitmentSpec
      .given([registered, { type: 'OutcomeRecorded', data: { commitmentId: 'p.4', results: 'R1', nextSteps: 'N1' } }])
      .when({ type: 'RecordOutcome', data: { commitmentId: 'p.4', results: 'R2' } })
      .thenState((s) => expect([s.results, s.nextSteps]).toEqual(['R2', 'N1']));
  });
  it('refuses an empty outcome', () => {
    commitmentSpec
      .given([registered])
      .when({ type: 'RecordOutcome', data: { commitmentId: 'p.4' } })
      .thenThrows({ code: 'VALIDATION_FAILED', message: /at least one of results, contribution, nextSteps/ });
  });
});

describe('commitment state: the rate the report publishes', () => {
  const progress = (n: number, p: number, status: 'LIMITED' | 'COMPLETE' | 'SUBSTANTIAL' | 'NOT_STARTED'): CommitmentEvent => ({
    type: 'ActivityProgressReported',
    data: { commitmentId: 'p.4', activityId: `p.4.${n}`, progress: p, status, previousProgress: 0 },
  });
  const state = (events: CommitmentEvent[]) => events.reduce((s, e) => evolveCommitment(s, e), initialCommitmentState);

  it('weights progress: Σwp/Σw', () => {
    expect(rateOf(state([registered, planned(1, 3), planned(2, 1), progress(1, 100, 'COMPLETE'), progress(2, 20, 'LIMITED')]))).toBe(80);
  });
  it('leaves cancelled activities out and keeps suspended ones in', () => {
    const s = state([
      registered,
      planned(1),
      planned(2),
      planned(3),
      progress(1, 100, 'COMPLETE'),
      { type: 'ActivityCancelled', data: { commitmentId: 'p.4', activityId: 'p.4.2', reason: 'fait ailleurs' } },
      { type: 'ActivitySuspended', data: { commitmentId: 'p.4', activityId: 'p.4.3', reason: 'refonte' } },
    ]);
    expect(rateOf(s)).toBe(50);
  });
  it('keeps the figure effective last when a late report about an earlier date arrives', () => {
    const s = [registered, planned(1)].reduce((x, e) => evolveCommitment(x, e), initialCommitmentState);
    const later = evolveCommitment(s, progress(1, 90, 'COMPLETE'), { effectiveAt: '2020-12-31T00:00:00.000Z' });
    const late = evolveCommitment(later, progress(1, 40, 'LIMITED'), { effectiveAt: '2019-06-30T00:00:00.000Z' });
    expect(late.activities[0]).toMatchObject({ progress: 90, progressEffectiveAt: '2020-12-31T00:00:00.000Z' });
  });
  it('dates a correction, by default, at the figure it corrects', () => {
    const s = evolveCommitment(
      [registered, planned(1)].reduce((x, e) => evolveCommitment(x, e), initialCommitmentState),
      progress(1, 60, 'SUBSTANTIAL'),
      { effectiveAt: '2019-12-31T00:00:00.000Z' },
    );
    expect(
      defaultEffectiveAt(
        { type: 'CorrectActivityProgress', data: { commitmentId: 'p.4', activityId: 'p.4.1', progress: 50, reason: 'typo' } },
        s,
      ),
    ).toBe('2019-12-31T00:00:00.000Z');
    expect(defaultEffectiveAt({ type: 'RecordOutcome', data: { commitmentId: 'p.4', results: 'r' } }, s)).toBeUndefined();
  });
});
