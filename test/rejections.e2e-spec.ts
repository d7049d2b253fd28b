import { frozenClock, INPUT_TYPES, mustMutate, mutate } from './support/ledger-fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { ACTIVITY_CASES } from './rejections/activity-cases';
import { LEAD_CASES } from './rejections/lead-cases';
import { PLAN_CASES } from './rejections/plan-cases';
import { PROGRESS_CASES } from './rejections/progress-cases';
import { RECORD_CASES } from './rejections/record-cases';
import { ACTIVE, C, CANCELLED, commitmentVersion, on, P, RETRACTED, SUSPENDED, type Rejection } from './rejections/rejection-case';

/**
 * Every mutation refuses bad input with a coded error whose message names the field and the rule,
 * and writes nothing: the log's head position is the same before and after.
 * Time is frozen at 2021-06-30T12:00Z, so "in the future" is deterministic.
 */

const CASES: Rejection[] = [...PLAN_CASES, ...ACTIVITY_CASES, ...PROGRESS_CASES, ...RECORD_CASES, ...LEAD_CASES];

describe('refused mutations: a coded error that names the field and the rule, and nothing written', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ clock: frozenClock });
    await mustMutate(t, 'definePlan', { id: P, country: 'Maroc', title: 'T', period: '2021-2023' });
    await mustMutate(t, 'addAxis', { planId: P, axisId: 'a', title: 'A' });
    await mustMutate(t, 'closeReportingPeriod', { planId: P, name: 'P1', endsAt: '2020-06-30' });
    await mustMutate(t, 'registerCommitment', { planId: P, axisId: 'a', number: 1, title: 'C', leadOrganisation: 'O' });
    for (const title of ['active', 'cancelled', 'suspended']) await mustMutate(t, 'planActivity', { commitmentId: C, title, weight: 1 });
    await mustMutate(t, 'cancelActivity', { ...on(CANCELLED), reason: 'plus financé' });
    await mustMutate(t, 'suspendActivity', { ...on(SUSPENDED), reason: 'en pause' });
    await mustMutate(t, 'recordAction', { ...on(), kind: 'DONE', text: 'kept' });
    await mustMutate(t, 'recordAction', { ...on(), kind: 'DONE', text: 'mistake' });
    await mustMutate(t, 'retractAction', { ...on(), actionId: RETRACTED, reason: 'mistake' });
    await mustMutate(t, 'assignLead', { commitmentId: C, userId: 'lena' });
    await mustMutate(t, 'reportActivityProgress', { ...on(), progress: 30, effectiveAt: '2021-03-31' });
  }, 30_000);
  afterAll(() => t.stop());

  it('has at least one refusal case for every mutation in the schema', async () => {
    const res = await t.gql('{ __schema { mutationType { fields { name } } } }');
    const names: string[] = res.data.__schema.mutationType.fields.map((f: { name: string }) => f.name);
    expect(names.length).toBeGreaterThanOrEqual(17);
    const covered = new Set(CASES.map((c) => c.mutation));
    expect(names.filter((n) => !covered.has(n))).toEqual([]);
    expect(names.filter((n) => !INPUT_TYPES[n])).toEqual([]);
  });

  describe.each(Object.keys(INPUT_TYPES))('%s', (mutation) => {
    it.each(CASES.filter((c) => c.mutation === mutation).map((c) => [c.label, c.code, c] as const))(
      'refuses %s with %s and writes nothing',
      async (_label, _code, c) => {
        const before = await t.headPosition();
        const res = await mutate(t, c.mutation, c.input, c.as);
        expect(res.data?.[c.mutation] ?? null).toBeNull();
        expect(res.errors).toHaveLength(1);
        const [error] = res.errors!;
        expect(error.extensions.code).toBe(c.code);
        for (const part of c.message) {
          if (typeof part === 'string') expect(error.message).toContain(part);
          else expect(error.message).toMatch(part);
        }
        if (c.extensions) expect(error.extensions).toMatchObject(await c.extensions(t));
        expect(await t.headPosition()).toBe(before);
      },
    );
  });

  it('refuses an unknown field written inline (not as a variable) the same way', async () => {
    const before = await t.headPosition();
    const res = await t.gql(
      `mutation { reportActivityProgress(input:{commitmentId:"${C}", activityId:"${ACTIVE}", progress:10, sneaky:1}) { version } }`,
    );
    expect(res.errors![0].extensions.code).toBe('VALIDATION_FAILED');
    expect(res.errors![0].message).toContain('Field "sneaky" is not defined by type "ReportActivityProgressInput"');
    expect(await t.headPosition()).toBe(before);
  });

  it('lists every bad field of one input at once, each with its rule, in extensions.problems', async () => {
    const before = await t.headPosition();
    const res = await mutate(t, 'registerCommitment', { planId: 'Bad Plan', axisId: 'a', number: 0, title: '', leadOrganisation: 'O' });
    const error = res.errors![0];
    expect(error.extensions.code).toBe('VALIDATION_FAILED');
    const problems = error.extensions.problems as Array<{ field: string; rule: string; message: string }>;
    expect(problems.map((p) => p.field).sort()).toEqual(['number', 'planId', 'title']);
    for (const p of problems) expect(error.message).toContain(p.message);
    expect(await t.headPosition()).toBe(before);
  });

  it('leaves the read models untouched after a refusal (same versions and figures)', async () => {
    const read = () =>
      t.gql(`{ plan(id:"${P}") { version implementationRate } commitment(id:"${C}") { version activities { progress lifecycle } } }`);
    const before = await read();
    await mutate(t, 'reportActivityProgress', { ...on(), progress: 150 });
    await mutate(t, 'reportActivityProgress', { ...on(), progress: 50, expectedVersion: 0 });
    await mutate(t, 'addAxis', { planId: P, axisId: 'a', title: 'dup' });
    expect(await read()).toEqual(before);
  });

  it('accepts a write once the caller uses the current version reported by the conflict', async () => {
    const conflict = await mutate(t, 'reportActivityProgress', { ...on(), progress: 20, expectedVersion: 0 });
    const currentVersion = conflict.errors![0].extensions.currentVersion as number;
    expect(currentVersion).toBe(await commitmentVersion(t));
    const ok = await mutate(t, 'reportActivityProgress', { ...on(), progress: 20, expectedVersion: currentVersion });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.reportActivityProgress.version).toBe(currentVersion + 1);
  });
});

describe('explicit null for an optional input field means "not given"', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock: frozenClock });
    await mustMutate(t, 'definePlan', { id: P, country: 'Maroc', title: 'T', period: '2021-2023' });
    await mustMutate(t, 'addAxis', { planId: P, axisId: 'a', title: 'A' });
    await mustMutate(t, 'registerCommitment', { planId: P, axisId: 'a', number: 1, title: 'C', leadOrganisation: 'O' });
    await mustMutate(t, 'planActivity', { commitmentId: C, title: 'A', weight: 1 });
  }, 30_000);
  afterAll(() => t.stop());

  it('accepts null commandId and effectiveAt on a progress report', async () => {
    const res = await mutate(t, 'reportActivityProgress', { ...on(), progress: 10, commandId: null, effectiveAt: null });
    expect(res.errors).toBeUndefined();
    expect(res.data!.reportActivityProgress.commitment.activities[0]).toMatchObject({ progress: 10, status: 'LIMITED' });
  });

  it('accepts null axisId (generated) and null activity number (next one)', async () => {
    const axis = await mutate(t, 'addAxis', { planId: P, axisId: null, title: 'B' });
    expect(axis.errors).toBeUndefined();
    expect(axis.data!.addAxis.plan.axes.map((a: { id: string }) => a.id)).toEqual(['a', 'axis-2']);
    const activity = await mutate(t, 'planActivity', { commitmentId: C, number: null, title: 'B', weight: 1 });
    expect(activity.errors).toBeUndefined();
    expect(activity.data!.planActivity.commitment.activities.map((a: { id: string }) => a.id)).toEqual([`${C}.1`, `${C}.2`]);
  });

  // An explicit null (legal for a nullable GraphQL field) means "not given".
  it('derives the band when status is null', async () => {
    const res = await mutate(t, 'reportActivityProgress', { ...on(), progress: 70, status: null });
    expect(res.errors).toBeUndefined();
    expect(res.data!.reportActivityProgress.commitment.activities[0]).toMatchObject({ progress: 70, status: 'SUBSTANTIAL' });
  });

  it('writes without an optimistic lock when expectedVersion is null', async () => {
    const res = await mutate(t, 'reportActivityProgress', { ...on(), progress: 30, expectedVersion: null });
    expect(res.errors).toBeUndefined();
    expect(res.data!.reportActivityProgress.commitment.activities[0].progress).toBe(30);
  });
});
