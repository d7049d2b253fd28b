import { evolveCommitment, initialCommitmentState, type CommitmentEvent } from '@ledger/domain';
import { commitmentView } from './views';

const on = { commitmentId: 'p.1' };
const events: CommitmentEvent[] = [
  {
    type: 'CommitmentRegistered',
    data: { commitmentId: 'p.1', planId: 'p', axisId: 'a', number: 1, title: 'C', leadOrganisation: 'O' },
  },
  { type: 'ActivityPlanned', data: { ...on, activityId: 'p.1.1', number: 1, title: 'A1', weight: 1 } },
  { type: 'ActivityPlanned', data: { ...on, activityId: 'p.1.2', number: 2, title: 'A2', weight: 1 } },
];
const fold = (list: CommitmentEvent[]) =>
  list.reduce((s, e) => evolveCommitment(s, e, { effectiveAt: '2020-01-01T00:00:00.000Z' }), initialCommitmentState);

describe('IRM completion in the read model views', () => {
  it('shows NO_EVIDENCE for a planned activity and its commitment before any report', () => {
    const view = commitmentView({ state: fold(events), version: 3 });
    expect(view.irmCompletion).toBe('NO_EVIDENCE');
    expect(view.activities.map((a) => a.irmCompletion)).toEqual(['NO_EVIDENCE', 'NO_EVIDENCE']);
  });

  it('shows the band of a reported activity, and the commitment level of its rate once one activity has a report', () => {
    const reported: CommitmentEvent = {
      type: 'ActivityProgressReported',
      data: { ...on, activityId: 'p.1.1', progress: 80, status: 'SUBSTANTIAL', previousProgress: 0 },
    };
    const view = commitmentView({ state: fold([...events, reported]), version: 4 });
    expect(view.activities.map((a) => a.irmCompletion)).toEqual(['SUBSTANTIAL', 'NO_EVIDENCE']);
    expect(view.implementationRate).toBe(40);
    expect(view.irmCompletion).toBe('LIMITED');
  });
});
