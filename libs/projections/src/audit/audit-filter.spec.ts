import { auditFilterProblems, auditStreams, commitmentOfActivity, matchesAudit, type AuditableEvent } from './audit-filter';

const meta = (over: Record<string, unknown> = {}) => ({
  actor: 'amina',
  role: 'coordinator',
  recordedAt: '2020-03-01T10:00:00.000Z',
  effectiveAt: '2019-12-31T00:00:00.000Z',
  ...over,
});

const planDefined: AuditableEvent = { stream: 'plan-ma', type: 'PlanDefined', data: { planId: 'ma' }, metadata: meta() };
const reported: AuditableEvent = {
  stream: 'commitment-ma.4',
  type: 'ActivityProgressReported',
  data: { commitmentId: 'ma.4', activityId: 'ma.4.3', progress: 60 },
  metadata: meta(),
};
const otherPlan: AuditableEvent = {
  stream: 'commitment-ma-2018.4',
  type: 'ActivityPlanned',
  data: { commitmentId: 'ma-2018.4', activityId: 'ma-2018.4.1' },
  metadata: meta(),
};
const leadAssigned: AuditableEvent = {
  stream: 'access-ma',
  type: 'LeadAssigned',
  data: { planId: 'ma', commitmentId: 'ma.4', userId: 'u1' },
  metadata: meta(),
};

describe('matchesAudit', () => {
  it('lets everything through an empty filter', () => {
    expect([planDefined, reported, otherPlan, leadAssigned].every((e) => matchesAudit(e, {}))).toBe(true);
  });

  it('matches a plan by its plan, access and commitment streams, not by a plan whose id merely starts the same', () => {
    expect(matchesAudit(planDefined, { planId: 'ma' })).toBe(true);
    expect(matchesAudit(reported, { planId: 'ma' })).toBe(true);
    expect(matchesAudit(leadAssigned, { planId: 'ma' })).toBe(true);
    expect(matchesAudit(otherPlan, { planId: 'ma' })).toBe(false);
    expect(matchesAudit(reported, { planId: 'ma-2018' })).toBe(false);
  });

  it("matches a commitment's own stream and the lead assignments about it", () => {
    expect(matchesAudit(reported, { commitmentId: 'ma.4' })).toBe(true);
    expect(matchesAudit(leadAssigned, { commitmentId: 'ma.4' })).toBe(true);
    expect(matchesAudit(reported, { commitmentId: 'ma.40' })).toBe(false);
    expect(matchesAudit(leadAssigned, { commitmentId: 'ma.5' })).toBe(false);
    expect(matchesAudit(planDefined, { commitmentId: 'ma.4' })).toBe(false);
  });

  it('matches an activity by data.activityId only', () => {
    expect(matchesAudit(reported, { activityId: 'ma.4.3' })).toBe(true);
    expect(matchesAudit(reported, { activityId: 'ma.4.30' })).toBe(false);
    expect(matchesAudit(leadAssigned, { activityId: 'ma.4.3' })).toBe(false);
  });

  it('matches the actor from the metadata', () => {
    expect(matchesAudit(reported, { actor: 'amina' })).toBe(true);
    expect(matchesAudit(reported, { actor: 'bob' })).toBe(false);
  });

  it('matches any of the given types, and all types for an empty list', () => {
    expect(matchesAudit(reported, { types: ['PlanDefined', 'ActivityProgressReported'] })).toBe(true);
    expect(matchesAudit(reported, { types: ['ActivityProgressCorrected'] })).toBe(false);
    expect(matchesAudit(reported, { types: [] })).toBe(true);
  });

  it('bounds the recorded date inclusively, comparing instants rather than strings', () => {
    expect(matchesAudit(reported, { recordedFrom: '2020-03-01T10:00:00Z', recordedTo: '2020-03-01T10:00:00Z' })).toBe(true);
    expect(matchesAudit(reported, { recordedFrom: '2020-03-01T12:00:00+02:00' })).toBe(true);
    expect(matchesAudit(reported, { recordedFrom: '2020-03-01T10:00:00.001Z' })).toBe(false);
    expect(matchesAudit(reported, { recordedTo: '2020-02-29T23:59:59Z' })).toBe(false);
  });

  it('bounds the effective date, falling back to the recorded date when there is none', () => {
    expect(matchesAudit(reported, { effectiveFrom: '2019-12-01T00:00:00Z', effectiveTo: '2019-12-31T00:00:00Z' })).toBe(true);
    expect(matchesAudit(reported, { effectiveFrom: '2020-01-01T00:00:00Z' })).toBe(false);
    const noEffective = { ...reported, metadata: meta({ effectiveAt: undefined }) };
    expect(matchesAudit(noEffective, { effectiveFrom: '2020-03-01T00:00:00Z' })).toBe(true);
  });

  it('keeps an event without readable dates out of a bounded range', () => {
    const undated = { ...reported, metadata: { actor: 'amina' } };
    expect(matchesAudit(undated, { recordedFrom: '2000-01-01T00:00:00Z' })).toBe(false);
    expect(matchesAudit(undated, {})).toBe(true);
  });

  it('requires every criterion to hold', () => {
    expect(matchesAudit(reported, { planId: 'ma', actor: 'amina', types: ['ActivityProgressReported'] })).toBe(true);
    expect(matchesAudit(reported, { planId: 'ma', actor: 'bob', types: ['ActivityProgressReported'] })).toBe(false);
  });
});

describe('auditStreams', () => {
  const commitmentsOf = (planId: string) => (planId === 'ma' ? ['ma.1', 'ma.4'] : []);

  it("reads a commitment's stream and its plan's access stream for a commitment or an activity", () => {
    expect(auditStreams({ commitmentId: 'ma.4' }, commitmentsOf)).toEqual(['commitment-ma.4', 'access-ma']);
    expect(auditStreams({ activityId: 'ma.4.3' }, commitmentsOf)).toEqual(['commitment-ma.4', 'access-ma']);
    expect(auditStreams({ planId: 'ma', activityId: 'ma.4.3' }, commitmentsOf)).toEqual(['commitment-ma.4', 'access-ma']);
  });

  it("reads a plan's own streams and those of its commitments", () => {
    expect(auditStreams({ planId: 'ma' }, commitmentsOf)).toEqual(['plan-ma', 'access-ma', 'commitment-ma.1', 'commitment-ma.4']);
  });

  it('reads the whole log otherwise', () => {
    expect(auditStreams({ actor: 'amina' }, commitmentsOf)).toBeUndefined();
  });
});

describe('commitmentOfActivity', () => {
  it('drops the last number', () => expect(commitmentOfActivity('ma-2018-2020.4.3')).toBe('ma-2018-2020.4'));
});

describe('auditFilterProblems', () => {
  it('rejects a range that ends before it starts', () => {
    expect(auditFilterProblems({ effectiveFrom: '2020-02-01T00:00:00Z', effectiveTo: '2020-01-01T00:00:00Z' })).toEqual([
      expect.objectContaining({ field: 'filter.effectiveFrom', rule: 'beforeTo' }),
    ]);
    expect(auditFilterProblems({ recordedFrom: '2020-01-01T00:00:00Z', recordedTo: '2020-01-01T00:00:00Z' })).toEqual([]);
  });
});
