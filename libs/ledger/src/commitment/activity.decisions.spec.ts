import { deciderSpec } from '@ledger/testing';
import type { ActivityStatus } from '../rates/status-band';
import type { CommitmentCommand } from './commitment.commands';
import { decideCommitment } from './commitment.decider';
import type { CommitmentEvent } from './commitment.events';
import { evolveCommitment, initialCommitmentState, type CommitmentState } from './commitment.state';

const spec = deciderSpec<CommitmentCommand, CommitmentEvent, CommitmentState>({
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
const reported = (progress: number, status: ActivityStatus, previousProgress = 0, note?: string): CommitmentEvent => ({
  type: 'ActivityProgressReported',
  data: { ...on, progress, status, previousProgress, note },
});
const suspended: CommitmentEvent = { type: 'ActivitySuspended', data: { ...on, reason: 'refonte' } };
const cancelled: CommitmentEvent = { type: 'ActivityCancelled', data: { ...on, reason: 'fait ailleurs' } };
const action: CommitmentEvent = { type: 'ActionRecorded', data: { ...on, actionId: 'p.4.1.x1', kind: 'DONE', text: 'Atelier' } };
const retracted: CommitmentEvent = { type: 'ActionRetracted', data: { ...on, actionId: 'p.4.1.x1', reason: 'doublon' } };
const base = [registered, planned];

describe('activity decisions', () => {
  describe('every activity command', () => {
    it('refuses an activity of a commitment that does not exist', () => {
      spec
        .given([])
        .when({ type: 'ReportActivityProgress', data: { ...on, progress: 10 } })
        .thenThrows({ code: 'NOT_FOUND', field: 'commitmentId', message: 'commitmentId: commitment "p.4" does not exist' });
    });
    it('refuses an activity the commitment does not have', () => {
      spec
        .given(base)
        .when({ type: 'SuspendActivity', data: { ...on, activityId: 'p.4.7', reason: 'r' } })
        .thenThrows({ code: 'NOT_FOUND', field: 'activityId', message: 'activityId: activity "p.4.7" does not exist in commitment "p.4"' });
    });
  });

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
      [0.5, 'LIMITED'],
      [0, 'NOT_STARTED'],
    ] as const)('accepts %p with the band %s given', (progress, status) => {
      spec
        .given(base)
        .when({ type: 'ReportActivityProgress', data: { ...on, progress, status } })
        .then([reported(progress, status)]);
    });
    it.each([
      [60, 'LIMITED', '1–59'],
      [50, 'COMPLETE', '90–100'],
      [0, 'LIMITED', '1–59'],
      [90.5, 'SUBSTANTIAL', '60–90'],
      [1, 'NOT_STARTED', '0'],
    ] as const)('refuses %p with the band %s, saying what the band covers', (progress, status, covers) => {
      spec
        .given(base)
        .when({ type: 'ReportActivityProgress', data: { ...on, progress, status } })
        .thenThrows({
          code: 'VALIDATION_FAILED',
          field: 'status',
          message: `status ${status} covers ${covers} %, but progress is ${progress}`,
        });
    });
    it('refuses a band that does not exist', () => {
      spec
        .given(base)
        .when({ type: 'ReportActivityProgress', data: { ...on, progress: 10, status: 'DONE' as ActivityStatus } })
        .thenThrows({
          code: 'VALIDATION_FAILED',
          field: 'status',
          message: 'status must be one of NOT_STARTED, LIMITED, SUBSTANTIAL, COMPLETE, got "DONE"',
        });
    });
    it('refuses progress above 100 with the field, the range and the value', () => {
      spec
        .given(base)
        .when({ type: 'ReportActivityProgress', data: { ...on, progress: 150 } })
        .thenThrows({ code: 'VALIDATION_FAILED', field: 'progress', message: 'progress must be between 0 and 100, got 150' });
    });
    it('refuses negative progress', () => {
      spec
        .given(base)
        .when({ type: 'ReportActivityProgress', data: { ...on, progress: -1 } })
        .thenThrows({ code: 'VALIDATION_FAILED', field: 'progress', message: 'progress must be between 0 and 100, got -1' });
    });
    it('refuses progress that is not a number', () => {
      spec
        .given(base)
        .when({ type: 'ReportActivityProgress', data: { ...on, progress: Number.NaN } })
        .thenThrows({ code: 'VALIDATION_FAILED', field: 'progress', message: 'progress must be a finite number' });
    });
    it('records the previous figure and the note', () => {
      spec
        .given([...base, reported(40, 'LIMITED')])
        .when({ type: 'ReportActivityProgress', data: { ...on, progress: 70, note: 'portail en ligne' } })
        .then([reported(70, 'SUBSTANTIAL', 40, 'portail en ligne')]);
    });
    it('refuses progress on a suspended activity, saying why it is suspended', () => {
      spec
        .given([...base, suspended])
        .when({ type: 'ReportActivityProgress', data: { ...on, progress: 10 } })
        .thenThrows({ code: 'ILLEGAL_STATE', message: 'cannot report progress on activity "p.4.1": it is SUSPENDED (refonte)' });
    });
    it('refuses progress on a cancelled activity', () => {
      spec
        .given([...base, cancelled])
        .when({ type: 'ReportActivityProgress', data: { ...on, progress: 10 } })
        .thenThrows({ code: 'ILLEGAL_STATE', message: 'cannot report progress on activity "p.4.1": it is CANCELLED (fait ailleurs)' });
    });
    it('accepts progress again once a suspended activity is resumed', () => {
      spec
        .given([...base, suspended, { type: 'ActivityResumed', data: { ...on, reason: 'reprise' } }])
        .when({ type: 'ReportActivityProgress', data: { ...on, progress: 10 } })
        .then([reported(10, 'LIMITED')]);
    });
  });

  describe('CorrectActivityProgress: a new event that carries what it corrects and why', () => {
    it('corrects the figure, keeping the previous figure and band and the trimmed reason', () => {
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
    it('replaces the figure and band in the state', () => {
      spec
        .given([...base, reported(90, 'COMPLETE')])
        .when({ type: 'CorrectActivityProgress', data: { ...on, progress: 90, status: 'SUBSTANTIAL', reason: 'bande cochée' } })
        .thenState((s) => expect(s.activities[0]).toMatchObject({ progress: 90, status: 'SUBSTANTIAL' }));
    });
    it('refuses a correction without a reason', () => {
      spec
        .given([...base, reported(90, 'COMPLETE')])
        .when({ type: 'CorrectActivityProgress', data: { ...on, progress: 10, reason: '' } })
        .thenThrows({ code: 'VALIDATION_FAILED', field: 'reason', message: 'reason must not be empty' });
    });
    it('refuses a correction whose band does not contain its figure', () => {
      spec
        .given([...base, reported(90, 'COMPLETE')])
        .when({ type: 'CorrectActivityProgress', data: { ...on, progress: 60, status: 'LIMITED', reason: 'r' } })
        .thenThrows({ code: 'VALIDATION_FAILED', field: 'status', message: 'status LIMITED covers 1–59 %, but progress is 60' });
    });
  });

  describe('SetActivityWeight', () => {
    it('changes a weight, keeping the previous one', () => {
      spec
        .given(base)
        .when({ type: 'SetActivityWeight', data: { ...on, weight: 3 } })
        .then([{ type: 'ActivityWeightSet', data: { ...on, weight: 3, previousWeight: 1 } }]);
    });
    it.each([[0], [-2]])('refuses the weight %p', (weight) => {
      spec
        .given(base)
        .when({ type: 'SetActivityWeight', data: { ...on, weight } })
        .thenThrows({
          code: 'VALIDATION_FAILED',
          field: 'weight',
          message: `weight must be greater than 0 and at most 1000000, got ${weight}`,
        });
    });
    it('refuses a weight that is not a number', () => {
      spec
        .given(base)
        .when({ type: 'SetActivityWeight', data: { ...on, weight: Number.NaN } })
        .thenThrows({ code: 'VALIDATION_FAILED', field: 'weight', message: 'weight must be a finite number' });
    });
  });

  describe('RecordAction and RetractAction', () => {
    it('records an action with the next sequential id of its activity', () => {
      spec
        .given([...base, action])
        .when({ type: 'RecordAction', data: { ...on, kind: 'NOT_DONE', text: ' Portail ', date: 'mars 2019', reason: 'refonte' } })
        .then([
          {
            type: 'ActionRecorded',
            data: { ...on, actionId: 'p.4.1.x2', kind: 'NOT_DONE', text: 'Portail', date: 'mars 2019', reason: 'refonte' },
          },
        ]);
    });
    it('does not reuse the id of a retracted action', () => {
      spec
        .given([...base, action, retracted])
        .when({ type: 'RecordAction', data: { ...on, kind: 'DONE', text: 'Atelier' } })
        .then([{ type: 'ActionRecorded', data: { ...on, actionId: 'p.4.1.x2', kind: 'DONE', text: 'Atelier' } }]);
    });
    it('accepts an action not done without a reason (the report does not always give one)', () => {
      spec
        .given(base)
        .when({ type: 'RecordAction', data: { ...on, kind: 'NOT_DONE', text: 'Portail' } })
        .thenState((s) => expect(s.activities[0].actions).toMatchObject([{ id: 'p.4.1.x1', kind: 'NOT_DONE', reason: undefined }]));
    });
    it('accepts an action on a suspended activity', () => {
      spec
        .given([...base, suspended])
        .when({ type: 'RecordAction', data: { ...on, kind: 'ADDITIONAL', text: 'Étude' } })
        .thenState((s) => expect(s.activities[0].actions).toHaveLength(1));
    });
    it('refuses an unknown kind', () => {
      spec
        .given(base)
        .when({ type: 'RecordAction', data: { ...on, kind: 'MAYBE' as never, text: 'x' } })
        .thenThrows({ code: 'VALIDATION_FAILED', field: 'kind', message: 'kind must be one of DONE, NOT_DONE, ADDITIONAL, got "MAYBE"' });
    });
    it('refuses an action without text', () => {
      spec
        .given(base)
        .when({ type: 'RecordAction', data: { ...on, kind: 'DONE', text: ' ' } })
        .thenThrows({ code: 'VALIDATION_FAILED', field: 'text', message: 'text must not be empty' });
    });
    it('refuses an action on a cancelled activity', () => {
      spec
        .given([...base, cancelled])
        .when({ type: 'RecordAction', data: { ...on, kind: 'DONE', text: 'x' } })
        .thenThrows({ code: 'ILLEGAL_STATE', message: 'cannot record an action on activity "p.4.1": it is CANCELLED' });
    });
    it('retracts an action with its trimmed reason', () => {
      spec
        .given([...base, action])
        .when({ type: 'RetractAction', data: { ...on, actionId: 'p.4.1.x1', reason: ' doublon ' } })
        .then([retracted]);
    });
    it('keeps a retracted action in the state, marked with the reason', () => {
      spec
        .given([...base, action])
        .when({ type: 'RetractAction', data: { ...on, actionId: 'p.4.1.x1', reason: 'doublon' } })
        .thenState((s) =>
          expect(s.activities[0].actions).toMatchObject([{ id: 'p.4.1.x1', retracted: true, retractionReason: 'doublon' }]),
        );
    });
    it('refuses to retract an action twice', () => {
      spec
        .given([...base, action, retracted])
        .when({ type: 'RetractAction', data: { ...on, actionId: 'p.4.1.x1', reason: 'again' } })
        .thenThrows({ code: 'ILLEGAL_STATE', message: 'action "p.4.1.x1" is already retracted' });
    });
    it('refuses to retract an action that does not exist', () => {
      spec
        .given(base)
        .when({ type: 'RetractAction', data: { ...on, actionId: 'p.4.1.x9', reason: 'r' } })
        .thenThrows({ code: 'NOT_FOUND', field: 'actionId', message: 'actionId: action "p.4.1.x9" does not exist in activity "p.4.1"' });
    });
    it('refuses a retraction without a reason', () => {
      spec
        .given([...base, action])
        .when({ type: 'RetractAction', data: { ...on, actionId: 'p.4.1.x1', reason: '' } })
        .thenThrows({ code: 'VALIDATION_FAILED', field: 'reason' });
    });
  });
});
