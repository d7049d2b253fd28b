import { deciderSpec } from '@ledger/testing';
import type { CommitmentCommand } from './commitment.commands';
import { decideCommitment } from './commitment.decider';
import type { CommitmentEvent } from './commitment.events';
import { evolveCommitment, initialCommitmentState, type CommitmentState } from './commitment.state';

const spec = deciderSpec<CommitmentCommand, CommitmentEvent, CommitmentState, undefined>({
  decide: (c, s) => decideCommitment(c, s),
  evolve: (s, e) => evolveCommitment(s, e),
  initialState: initialCommitmentState,
});

const on = { commitmentId: 'p.4', activityId: 'p.4.1' };
const registered: CommitmentEvent = {
  type: 'CommitmentRegistered',
  data: { commitmentId: 'p.4', planId: 'p', axisId: 'acces', number: 4, title: 'C', leadOrganisation: 'DRA' },
};
const planned: CommitmentEvent = { type: 'ActivityPlanned', data: { ...on, number: 1, title: 'A1', weight: 1 } };
const reported = (
  progress: number,
  status: 'LIMITED' | 'SUBSTANTIAL' | 'COMPLETE' | 'NOT_STARTED',
  previousProgress = 0,
): CommitmentEvent => ({ type: 'ActivityProgressReported', data: { ...on, progress, status, previousProgress, note: undefined } });
const suspended: CommitmentEvent = { type: 'ActivitySuspended', data: { ...on, reason: 'refonte' } };
const cancelled: CommitmentEvent = { type: 'ActivityCancelled', data: { ...on, reason: 'fait ailleurs' } };
const action: CommitmentEvent = {
  type: 'ActionRecorded',
  data: { ...on, actionId: 'p.4.1.x1', kind: 'DONE', text: 'Atelier', date: undefined, reason: undefined },
};
const base = [registered, planned];

describe('activity decisions', () => {
  describe('ReportActivityProgress and the status bands', () => {
    it.each([
      [0, 'NOT_STARTED'],
      [0.5, 'LIMITED'],
      [59.9, 'LIMITED'],
      [60, 'SUBSTANTIAL'],
      [89.99, 'SUBSTANTIAL'],
      [90, 'COMPLETE'],
      [100, 'COMPLETE'],
    ] as const)('derives the band of %p as %s when none is given', (progress, status) => {
      spec
        .given(base)
        .when({ type: 'ReportActivityProgress', data: { ...on, progress } })
        .then([reported(progress, status)]);
    });
    it.each([
      [90, 'SUBSTANTIAL'],
      [90, 'COMPLETE'],
      [60, 'SUBSTANTIAL'],
      [1, 'LIMITED'],
      [0, 'NOT_STARTED'],
    ] as const)('accepts %p with the band %s given', (progress, status) => {
      spec
        .given(base)
        .when({ type: 'ReportActivityProgress', data: { ...on, progress, status } })
        .then([reported(progress, status)]);
    });
    it.each([
      [60, 'LIMITED'],
      [50, 'COMPLETE'],
      [0, 'LIMITED'],
      [95, 'SUBSTANTIAL'],
      [1, 'NOT_STARTED'],
    ] as const)('refuses %p with the band %s, naming the band rule', (progress, status) => {
      spec
        .given(base)
        .when({ type: 'ReportActivityProgress', data: { ...on, progress, status } })
        .thenThrows({
          code: 'VALIDATION_FAILED',
          field: 'status',
          message: new RegExp(`status ${status} covers .* but progress is ${progress}`),
        });
    });
    it('refuses progress above 100 with the field, the rule and the value', () => {
      spec
        .given(base)
        .when({ type: 'ReportActivityProgress', data: { ...on, progress: 150 } })
        .thenThrows({ code: 'VALIDATION_FAILED', field: 'progress', message: 'progress must be between 0 and 100, got 150' });
    });
    it.each([[-1], [Number.NaN]])('refuses progress %p', (progress) => {
      spec
        .given(base)
        .when({ type: 'ReportActivityProgress', data: { ...on, progress } })
        .thenThrows({ code: 'VALIDATION_FAILED', field: 'progress' });
    });
    it('records the previous figure', () => {
      spec
        .given([...base, reported(40, 'LIMITED')])
        .when({ type: 'ReportActivityProgress', data: { ...on, progress: 70 } })
        .then([reported(70, 'SUBSTANTIAL', 40)]);
    });
    it('refuses progress on a suspended activity, saying why', () => {
      spec
        .given([...base, suspended])
        .when({ type: 'ReportActivityProgress', data: { ...on, progress: 10 } })
        .thenThrows({ code: 'ILLEGAL_STATE', message: /it is SUSPENDED \(refonte\)/ });
    });
    it('refuses progress on a cancelled activity', () => {
      spec
        .given([...base, cancelled])
        .when({ type: 'ReportActivityProgress', data: { ...on, progress: 10 } })
        .thenThrows({ code: 'ILLEGAL_STATE', message: /CANCELLED/ });
    });
    it('refuses an activity the commitment does not have', () => {
      spec
        .given(base)
        .when({ type: 'ReportActivityProgress', data: { ...on, activityId: 'p.4.7', progress: 10 } })
        .thenThrows({ code: 'NOT_FOUND', field: 'activityId' });
    });
  });

  describe('corrections are new events that carry what they correct and why', () => {
    it('corrects the figure, keeping the previous value and band and the reason', () => {
      spec
        .given([...base, reported(90, 'COMPLETE')])
        .when({ type: 'CorrectActivityProgress', data: { ...on, progress: 75, reason: ' double saisie ' } })
        .then([
          {
            type: 'ActivityProgressCorrected',
            data: { ...on, progress: 75, status: 'SUBSTANTIAL', previousProgress: 90, previousStatus: 'COMPLETE', reason: 'double saisie' },
          },
        ]);
    });
    it('refuses a correction without a reason', () => {
      spec
        .given(base)
        .when({ type: 'CorrectActivityProgress', data: { ...on, progress: 10, reason: '' } })
        .thenThrows({ code: 'VALIDATION_FAILED', field: 'reason' });
    });
    it('retracts an action with a reason, and only once', () => {
      spec
        .given([...base, action])
        .when({ type: 'RetractAction', data: { ...on, actionId: 'p.4.1.x1', reason: 'doublon' } })
        .then([{ type: 'ActionRetracted', data: { ...on, actionId: 'p.4.1.x1', reason: 'doublon' } }]);
      spec
        .given([...base, action, { type: 'ActionRetracted', data: { ...on, actionId: 'p.4.1.x1', reason: 'doublon' } }])
        .when({ type: 'RetractAction', data: { ...on, actionId: 'p.4.1.x1', reason: 'again' } })
        .thenThrows({ code: 'ILLEGAL_STATE', message: /already retracted/ });
    });
    it('refuses to retract an action that does not exist', () => {
      spec
        .given(base)
        .when({ type: 'RetractAction', data: { ...on, actionId: 'p.4.1.x9', reason: 'r' } })
        .thenThrows({ code: 'NOT_FOUND', field: 'actionId' });
    });
    it('changes a weight, keeping the previous one', () => {
      spec
        .given(base)
        .when({ type: 'SetActivityWeight', data: { ...on, weight: 3 } })
        .then([{ type: 'ActivityWeightSet', data: { ...on, weight: 3, previousWeight: 1 } }]);
    });
  });

  describe('actions', () => {
    it('records actions with sequential ids per activity', () => {
      spec
        .given([...base, action])
        .when({ type: 'RecordAction', data: { ...on, kind: 'NOT_DONE', text: 'Portail', reason: 'refonte' } })
        .then([
          {
            type: 'ActionRecorded',
            data: { ...on, actionId: 'p.4.1.x2', kind: 'NOT_DONE', text: 'Portail', date: undefined, reason: 'refonte' },
          },
        ]);
    });
    it('accepts an action not done without a reason (the report does not always give one)', () => {
      spec
        .given(base)
        .when({ type: 'RecordAction', data: { ...on, kind: 'NOT_DONE', text: 'Portail' } })
        .thenState((s) => expect(s.activities[0].actions).toHaveLength(1));
    });
    it('refuses an unknown kind', () => {
      spec
        .given(base)
        .when({ type: 'RecordAction', data: { ...on, kind: 'MAYBE' as never, text: 'x' } })
        .thenThrows({ code: 'VALIDATION_FAILED', field: 'kind' });
    });
    it('refuses an action on a cancelled activity', () => {
      spec
        .given([...base, cancelled])
        .when({ type: 'RecordAction', data: { ...on, kind: 'DONE', text: 'x' } })
        .thenThrows({ code: 'ILLEGAL_STATE' });
    });
  });

  describe('lifecycle', () => {
    it('suspends, resumes and cancels with reasons', () => {
      spec
        .given(base)
        .when({ type: 'SuspendActivity', data: { ...on, reason: 'refonte' } })
        .then([suspended]);
      spec
        .given([...base, suspended])
        .when({ type: 'ResumeActivity', data: { ...on, reason: 'reprise' } })
        .then([{ type: 'ActivityResumed', data: { ...on, reason: 'reprise' } }]);
      spec
        .given([...base, suspended])
        .when({ type: 'CancelActivity', data: { ...on, reason: 'fait ailleurs' } })
        .then([cancelled]);
    });
    it('refuses to resume an active activity', () => {
      spec
        .given(base)
        .when({ type: 'ResumeActivity', data: { ...on, reason: 'r' } })
        .thenThrows({ code: 'ILLEGAL_STATE', message: /cannot resume/ });
    });
    it('refuses to cancel twice', () => {
      spec
        .given([...base, cancelled])
        .when({ type: 'CancelActivity', data: { ...on, reason: 'r' } })
        .thenThrows({ code: 'ILLEGAL_STATE', message: /cannot cancel/ });
    });
    it('refuses a lifecycle change without a reason', () => {
      spec
        .given(base)
        .when({ type: 'SuspendActivity', data: { ...on, reason: ' ' } })
        .thenThrows({ code: 'VALIDATION_FAILED', field: 'reason' });
    });
  });
});
