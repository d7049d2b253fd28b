import { deciderSpec } from '@ledger/testing';
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
const suspended: CommitmentEvent = { type: 'ActivitySuspended', data: { ...on, reason: 'refonte' } };
const cancelled: CommitmentEvent = { type: 'ActivityCancelled', data: { ...on, reason: 'fait ailleurs' } };
const base = [registered, planned];

describe('activity lifecycle: suspend, resume, cancel', () => {
  it('suspends an active activity with the trimmed reason', () => {
    spec
      .given(base)
      .when({ type: 'SuspendActivity', data: { ...on, reason: ' refonte ' } })
      .then([suspended]);
  });
  it('keeps why a suspended activity is suspended', () => {
    spec
      .given(base)
      .when({ type: 'SuspendActivity', data: { ...on, reason: 'refonte' } })
      .thenState((s) => expect(s.activities[0]).toMatchObject({ lifecycle: 'SUSPENDED', lifecycleReason: 'refonte' }));
  });
  it('resumes a suspended activity', () => {
    spec
      .given([...base, suspended])
      .when({ type: 'ResumeActivity', data: { ...on, reason: 'reprise' } })
      .then([{ type: 'ActivityResumed', data: { ...on, reason: 'reprise' } }]);
  });
  it('makes a resumed activity active again and forgets why it was suspended', () => {
    spec
      .given([...base, suspended])
      .when({ type: 'ResumeActivity', data: { ...on, reason: 'reprise' } })
      .thenState((s) => expect(s.activities[0]).toMatchObject({ lifecycle: 'ACTIVE', lifecycleReason: undefined }));
  });
  it.each([
    ['an active', []],
    ['a suspended', [suspended]],
  ])('cancels %s activity', (_what, before) => {
    spec
      .given([...base, ...before])
      .when({ type: 'CancelActivity', data: { ...on, reason: 'fait ailleurs' } })
      .then([cancelled]);
  });
  it.each([
    ['resume', 'an active', [], 'ResumeActivity', 'ACTIVE'],
    ['resume', 'a cancelled', [cancelled], 'ResumeActivity', 'CANCELLED'],
    ['suspend', 'a suspended', [suspended], 'SuspendActivity', 'SUSPENDED'],
    ['suspend', 'a cancelled', [cancelled], 'SuspendActivity', 'CANCELLED'],
    ['cancel', 'a cancelled', [cancelled], 'CancelActivity', 'CANCELLED'],
  ] as const)('refuses to %s %s activity', (verb, _what, before, type, lifecycle) => {
    spec
      .given([...base, ...before])
      .when({ type, data: { ...on, reason: 'r' } })
      .thenThrows({ code: 'ILLEGAL_STATE', message: `cannot ${verb} activity "p.4.1": it is ${lifecycle}` });
  });
  it.each([['SuspendActivity'], ['ResumeActivity'], ['CancelActivity']] as const)('refuses %s without a reason', (type) => {
    spec
      .given([...base, suspended])
      .when({ type, data: { ...on, reason: ' ' } })
      .thenThrows({ code: 'VALIDATION_FAILED', field: 'reason', message: 'reason must not be empty' });
  });
});
