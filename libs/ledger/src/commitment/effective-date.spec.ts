import { deciderSpec } from '@ledger/testing';
import type { CommitmentCommand } from './commitment.commands';
import { decideCommitment } from './commitment.decider';
import type { CommitmentEvent } from './commitment.events';
import { evolveCommitment, initialCommitmentState, type CommitmentState } from './commitment.state';
import { decideEffectiveAt, type EffectiveDateRequest } from './effective-date';

/** Events as stored: the domain event plus the business date the shell records with it. */
type Dated = CommitmentEvent & { effectiveAt: string };

// decide + the date rule, as the command handler runs them; evolve with each event's date.
const spec = deciderSpec<CommitmentCommand, Dated, CommitmentState, EffectiveDateRequest>({
  decide: (command, state, request) => {
    const events = decideCommitment(command, state);
    const effectiveAt = decideEffectiveAt(command, state, request);
    return events.map((e) => ({ ...e, effectiveAt }));
  },
  evolve: (state, event) => evolveCommitment(state, event, { effectiveAt: event.effectiveAt }),
  initialState: initialCommitmentState,
});

const day = (d: string): string => `${d}T00:00:00.000Z`;
const at = (d: string) => ({ recordedAt: day('2021-01-15'), requested: d });
const now = { recordedAt: day('2021-01-15') };
const on = { commitmentId: 'p.4', activityId: 'p.4.1' };
const dated = (event: CommitmentEvent, d: string): Dated => ({ ...event, effectiveAt: day(d) });
const base: Dated[] = [
  dated(
    {
      type: 'CommitmentRegistered',
      data: { commitmentId: 'p.4', planId: 'p', axisId: 'a', number: 4, title: 'C', leadOrganisation: 'DRA' },
    },
    '2019-01-01',
  ),
  dated({ type: 'ActivityPlanned', data: { ...on, number: 1, title: 'A1', weight: 1 } }, '2019-01-01'),
];
const reported = (progress: number, d: string, note?: string): Dated =>
  dated(
    {
      type: 'ActivityProgressReported',
      data: {
        ...on,
        progress,
        status: progress >= 90 ? 'COMPLETE' : progress >= 60 ? 'SUBSTANTIAL' : 'LIMITED',
        previousProgress: 0,
        note,
      },
    },
    d,
  );
const correct = (progress: number): CommitmentCommand => ({ type: 'CorrectActivityProgress', data: { ...on, progress, reason: 'typo' } });
const corrected = (progress: number, previousProgress: number, d: string): Dated =>
  dated(
    {
      type: 'ActivityProgressCorrected',
      data: {
        ...on,
        progress,
        status: 'LIMITED',
        previousProgress,
        previousStatus: previousProgress >= 60 ? 'SUBSTANTIAL' : 'LIMITED',
        reason: 'typo',
      },
    },
    d,
  );
const action: Dated = dated({ type: 'ActionRecorded', data: { ...on, actionId: 'p.4.1.x1', kind: 'DONE', text: 'Atelier' } }, '2019-05-02');

describe('business dates of commitment commands (ADR 0007)', () => {
  describe('a correction takes the date of the figure it corrects', () => {
    it('dates a correction without effectiveAt at the corrected figure, not at the recording time', () => {
      spec
        .given([...base, reported(60, '2019-12-31')])
        .when(correct(50), now)
        .then([corrected(50, 60, '2019-12-31')]);
    });
    it('accepts an explicit effectiveAt equal to the corrected figure’s date, written as a day', () => {
      spec
        .given([...base, reported(60, '2019-12-31')])
        .when(correct(50), at('2019-12-31'))
        .then([corrected(50, 60, '2019-12-31')]);
    });
    it.each([['2020-01-15'], ['2019-06-30']])('refuses an explicit effectiveAt %s that differs from the corrected figure’s date', (d) => {
      spec
        .given([...base, reported(60, '2019-12-31')])
        .when(correct(50), at(d))
        .thenThrows({
          code: 'VALIDATION_FAILED',
          field: 'effectiveAt',
          rule: 'correctionDate',
          message: `effectiveAt must be the date of the figure it corrects, 2019-12-31T00:00:00.000Z, got ${day(d)}`,
        });
    });
    it('corrects the figure in force, not a late report about an earlier date', () => {
      spec
        .given([...base, reported(90, '2020-12-31'), reported(40, '2019-06-30')])
        .when({ type: 'CorrectActivityProgress', data: { ...on, progress: 80, reason: 'typo' } }, now)
        .then([
          dated(
            {
              type: 'ActivityProgressCorrected',
              data: { ...on, progress: 80, status: 'SUBSTANTIAL', previousProgress: 90, previousStatus: 'COMPLETE', reason: 'typo' },
            },
            '2020-12-31',
          ),
        ]);
    });
    it('replaces the corrected figure and keeps its date and note', () => {
      spec
        .given([...base, reported(60, '2019-12-31', 'atelier tenu')])
        .when(correct(50), now)
        .thenState((s) =>
          expect(s.activities[0]).toMatchObject({ progress: 50, progressEffectiveAt: day('2019-12-31'), note: 'atelier tenu' }),
        );
    });
    it('refuses to correct an activity without a reported figure', () => {
      spec
        .given(base)
        .when(correct(50), now)
        .thenThrows({ code: 'ILLEGAL_STATE', message: 'activity "p.4.1" has no reported figure to correct: report progress instead' });
    });
  });

  describe('a retraction takes the date of the action it retracts', () => {
    const retract: CommitmentCommand = { type: 'RetractAction', data: { ...on, actionId: 'p.4.1.x1', reason: 'doublon' } };
    const retracted = (d: string): Dated => dated({ type: 'ActionRetracted', data: { ...on, actionId: 'p.4.1.x1', reason: 'doublon' } }, d);
    it('dates a retraction without effectiveAt at the action', () => {
      spec
        .given([...base, action])
        .when(retract, now)
        .then([retracted('2019-05-02')]);
    });
    it('refuses an explicit effectiveAt that differs from the action’s date', () => {
      spec
        .given([...base, action])
        .when(retract, at('2020-01-01'))
        .thenThrows({
          code: 'VALIDATION_FAILED',
          field: 'effectiveAt',
          rule: 'retractionDate',
          message: 'the action it retracts ("p.4.1.x1")',
        });
    });
  });

  describe('a weight or lifecycle change dated before the change in force is refused', () => {
    const weight = (w: number): CommitmentCommand => ({ type: 'SetActivityWeight', data: { ...on, weight: w } });
    const weightSet = (w: number, previousWeight: number, d: string): Dated =>
      dated({ type: 'ActivityWeightSet', data: { ...on, weight: w, previousWeight } }, d);
    it('dates a weight change without effectiveAt at the recording time', () => {
      spec
        .given(base)
        .when(weight(3), now)
        .then([weightSet(3, 1, '2021-01-15')]);
    });
    it('accepts a weight change dated on the day of the change in force', () => {
      spec
        .given([...base, weightSet(2, 1, '2020-01-01')])
        .when(weight(3), at('2020-01-01'))
        .then([weightSet(3, 2, '2020-01-01')]);
    });
    it('refuses a weight change dated before the activity was planned', () => {
      spec.given(base).when(weight(3), at('2018-06-30')).thenThrows({
        code: 'ILLEGAL_STATE',
        field: 'effectiveAt',
        message:
          'effectiveAt 2018-06-30T00:00:00.000Z is before the change in force on activity "p.4.1" (its weight 1, effective 2019-01-01T00:00:00.000Z)',
      });
    });
    it('refuses a weight change dated before a later weight change', () => {
      spec
        .given([...base, weightSet(2, 1, '2020-01-01')])
        .when(weight(3), at('2019-06-30'))
        .thenThrows({ code: 'ILLEGAL_STATE', field: 'effectiveAt', message: '(its weight 2, effective 2020-01-01T00:00:00.000Z)' });
    });
    it.each([['SuspendActivity'], ['CancelActivity']] as const)('refuses %s dated before the lifecycle state in force', (type) => {
      spec
        .given(base)
        .when({ type, data: { ...on, reason: 'r' } }, at('2018-12-31'))
        .thenThrows({ code: 'ILLEGAL_STATE', field: 'effectiveAt', message: '(its state ACTIVE, effective 2019-01-01T00:00:00.000Z)' });
    });
    it('refuses a resumption dated before the suspension in force', () => {
      const suspended = dated({ type: 'ActivitySuspended', data: { ...on, reason: 'refonte' } }, '2020-03-01');
      spec
        .given([...base, suspended])
        .when({ type: 'ResumeActivity', data: { ...on, reason: 'reprise' } }, at('2020-02-01'))
        .thenThrows({ code: 'ILLEGAL_STATE', field: 'effectiveAt', message: 'a lifecycle change dated earlier would never take effect' });
    });
    it('accepts a cancellation dated after the suspension in force', () => {
      const suspended = dated({ type: 'ActivitySuspended', data: { ...on, reason: 'refonte' } }, '2020-03-01');
      spec
        .given([...base, suspended])
        .when({ type: 'CancelActivity', data: { ...on, reason: 'abandon' } }, at('2020-04-01'))
        .then([dated({ type: 'ActivityCancelled', data: { ...on, reason: 'abandon' } }, '2020-04-01')]);
    });
  });

  describe('late reports are history: accepted, and they do not replace what is in force', () => {
    it('accepts a progress report dated before the figure in force and keeps the later figure', () => {
      spec
        .given([...base, reported(90, '2020-12-31')])
        .when({ type: 'ReportActivityProgress', data: { ...on, progress: 40, note: 'tardif' } }, at('2019-06-30'))
        .thenState((s) => expect(s.activities[0]).toMatchObject({ progress: 90, progressEffectiveAt: day('2020-12-31'), note: undefined }));
    });
    it('keeps, per outcome field, the value dated last', () => {
      const outcome = (results: string | undefined, nextSteps: string | undefined, d: string): Dated =>
        dated({ type: 'OutcomeRecorded', data: { commitmentId: 'p.4', results, nextSteps } }, d);
      spec
        .given([...base, outcome('R 2020', undefined, '2020-12-31')])
        .when({ type: 'RecordOutcome', data: { commitmentId: 'p.4', results: 'R 2019', nextSteps: 'N 2019' } }, at('2019-12-31'))
        .thenState((s) => expect(s).toMatchObject({ results: 'R 2020', nextSteps: 'N 2019' }));
    });
    it('keeps a weight dated later than a weight change found later in the log (older logs)', () => {
      const s = [...base, dated({ type: 'ActivityWeightSet', data: { ...on, weight: 2, previousWeight: 1 } }, '2020-01-01')].reduce(
        (state, e) => evolveCommitment(state, e, { effectiveAt: e.effectiveAt }),
        initialCommitmentState,
      );
      const late = evolveCommitment(
        s,
        { type: 'ActivityWeightSet', data: { ...on, weight: 5, previousWeight: 2 } },
        { effectiveAt: day('2019-06-30') },
      );
      expect(late.activities[0]).toMatchObject({ weight: 2, weightEffectiveAt: day('2020-01-01') });
    });
  });
});
