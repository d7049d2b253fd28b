import type { ProjectedEvent } from '../projected-event';
import { LedgerReadModel } from '../ledger-read-model';
import { planChanges } from './plan-changes';
import { rateHistory } from './rate-history';

let position = 0n;
const event = (
  stream: string,
  revision: number,
  type: string,
  data: unknown,
  effectiveAt: string,
  recordedAt = effectiveAt,
): ProjectedEvent => ({
  position: ++position,
  stream,
  revision: BigInt(revision),
  type,
  data,
  metadata: { schemaVersion: 1, effectiveAt, recordedAt },
});
const on = { commitmentId: 'p.1', activityId: 'p.1.1' };
const model = new LedgerReadModel();
[
  event('plan-p', 0, 'PlanDefined', { planId: 'p', country: 'X', title: 'P', period: '2020-2021' }, '2020-01-01T00:00:00.000Z'),
  event('plan-p', 1, 'AxisAdded', { planId: 'p', axisId: 'a', title: 'A', order: 1 }, '2020-01-01T00:00:00.000Z'),
  event(
    'commitment-p.1',
    0,
    'CommitmentRegistered',
    { commitmentId: 'p.1', planId: 'p', axisId: 'a', number: 1, title: 'C', leadOrganisation: 'O' },
    '2020-01-01T00:00:00.000Z',
  ),
  event('commitment-p.1', 1, 'ActivityPlanned', { ...on, number: 1, title: 'A1', weight: 1 }, '2020-01-01T00:00:00.000Z'),
  event(
    'commitment-p.1',
    2,
    'ActivityProgressReported',
    { ...on, progress: 80, status: 'SUBSTANTIAL', previousProgress: 0 },
    '2020-12-31T00:00:00.000Z',
  ),
  // Late: about June, written after the December figure.
  event(
    'commitment-p.1',
    3,
    'ActivityProgressReported',
    { ...on, progress: 30, status: 'LIMITED', previousProgress: 80 },
    '2020-06-30T00:00:00.000Z',
    '2021-01-05T00:00:00.000Z',
  ),
].forEach((e) => model.apply(e));

describe('the time-travel index', () => {
  it('gives each date the figure effective then, whatever order the facts were written in', () => {
    expect(model.planAsOf('p', { effectiveAt: '2020-07-01T00:00:00.000Z' })?.implementationRate).toBe(30);
    expect(model.planAsOf('p', { effectiveAt: '2021-01-01T00:00:00.000Z' })?.implementationRate).toBe(80);
    expect(model.plan('p')?.implementationRate).toBe(80);
  });

  it('allocates nothing for ids it does not know (no entry, no row)', () => {
    const { plans, commitments, log } = model.history.data;
    const before = [plans.size, commitments.size, log.count];
    expect(model.planAsOf('nope', { effectiveAt: '2020-07-01T00:00:00.000Z' })).toBeUndefined();
    expect(model.commitmentAsOf('nope.1', { knownAt: '2020-07-01T00:00:00.000Z' })).toBeUndefined();
    expect(rateHistory(model, { planId: 'nope' })).toEqual([]);
    expect(rateHistory(model, { planId: 'p', commitmentId: 'nope.1' })).toEqual([]);
    expect(rateHistory(model, { planId: 'p', axisId: 'nope' })).toEqual([]);
    expect(() => planChanges(model, { planId: 'nope', since: '2020-01-01', until: '2020-02-01' })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    expect([plans.size, commitments.size, log.count]).toEqual(before);
  });

  it('keeps plain data only: it survives a structured clone unchanged (what a snapshot needs)', () => {
    expect(structuredClone(model.history.data)).toEqual(model.history.data);
  });

  it('refuses to answer when it is out of line with the read model, rather than answer wrong', () => {
    const broken = new LedgerReadModel();
    const [plan, axis, registered, planned] = [
      event('plan-q', 0, 'PlanDefined', { planId: 'q', country: 'X', title: 'Q', period: '2020' }, '2020-01-01T00:00:00.000Z'),
      event('plan-q', 1, 'AxisAdded', { planId: 'q', axisId: 'a', title: 'A', order: 1 }, '2020-01-01T00:00:00.000Z'),
      event(
        'commitment-q.1',
        0,
        'CommitmentRegistered',
        { commitmentId: 'q.1', planId: 'q', axisId: 'a', number: 1, title: 'C', leadOrganisation: 'O' },
        '2020-01-01T00:00:00.000Z',
      ),
      event(
        'commitment-q.1',
        1,
        'ActivityPlanned',
        { commitmentId: 'q.1', activityId: 'q.1.1', number: 1, title: 'A1', weight: 1 },
        '2020-01-01T00:00:00.000Z',
      ),
    ];
    [plan, axis, registered].forEach((e) => broken.apply(e));
    broken.commitments.apply(planned); // the read model moved on without the index
    expect(() => broken.planAsOf('q', {})).toThrow('time-travel index out of line with the read model');
  });
});
