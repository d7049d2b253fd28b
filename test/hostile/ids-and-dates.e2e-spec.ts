import { frozenClock, mustMutate, mutate } from '../support/ledger-fixtures';
import { storeTargets } from '../support/store-targets';
import { startTestApp, type TestApp } from '../support/test-app';
import { codes, expectNoInternalError } from './hostile-support';

const ODD_IDS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

/** Ids that name Object.prototype members, and dates outside any sensible range, are ordinary bad input. */
describe.each(storeTargets())('hostile callers: odd ids and dates ($name)', (target) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock: frozenClock, env: await target.start() });
    await mustMutate(t, 'definePlan', { id: 'odd', country: 'X', title: 'T', period: '2020-2022' });
    await mustMutate(t, 'addAxis', { planId: 'odd', axisId: 'a', title: 'A' });
    await mustMutate(t, 'registerCommitment', { planId: 'odd', axisId: 'a', number: 1, title: 'C', leadOrganisation: 'O' });
    await mustMutate(t, 'planActivity', { commitmentId: 'odd.1', title: 'A', weight: 1 });
    await mustMutate(t, 'assignLead', { commitmentId: 'odd.1', userId: 'e2e-lead' });
  }, 60_000);
  afterAll(async () => {
    await t?.stop();
    await target.stop();
  });

  it.each(ODD_IDS)('answers a lead writing to commitment "%s" with FORBIDDEN, writing nothing', async (id) => {
    const head = await t.headPosition();
    const res = await mutate(t, 'reportActivityProgress', { commitmentId: id, activityId: `${id}.1`, progress: 10 }, 'lead');
    expect(codes(res)).toEqual(['FORBIDDEN']);
    expect(await t.headPosition()).toBe(head);
  });

  it.each(ODD_IDS)('answers a coordinator writing to commitment "%s" with a coded refusal, writing nothing', async (id) => {
    const head = await t.headPosition();
    for (const [name, input] of [
      ['assignLead', { commitmentId: id, userId: id }],
      ['planActivity', { commitmentId: id, title: 'A', weight: 1 }],
      ['reportActivityProgress', { commitmentId: `odd.${id}`, activityId: id, progress: 1 }],
    ] as const) {
      const res = await mutate(t, name, input);
      expectNoInternalError(res);
      expect(res.errors?.length).toBe(1);
    }
    expect(await t.headPosition()).toBe(head);
  });

  it.each(ODD_IDS)('reads with id "%s" answer null or empty, never an internal error', async (id) => {
    const res = await t.gql(
      `{ plan(id: "${id}") { id } commitment(id: "${id}") { id }
         asOf: commitment(id: "${id}", asOf: { effectiveAt: "2020-01-01" }) { id }
         planAsOf: plan(id: "${id}", asOf: { effectiveAt: "2020-01-01" }) { id }
         auditTrail(filter: { commitmentId: "${id}", activityId: "${id}" }) { edges { cursor } }
         rateHistory(planId: "${id}", commitmentId: "${id}", axisId: "${id}", from: "2020-01-01", to: "2020-03-01") { implementationRate } }`,
      undefined,
      'anonymous',
    );
    expectNoInternalError(res);
    expect(res.data).toMatchObject({ plan: null, commitment: null, asOf: null, planAsOf: null, auditTrail: { edges: [] } });
  });

  it.each([
    ['0001-01-01', 'dateRange'],
    ['1899-12-31', 'dateRange'],
    ['2021-07-01', 'notInFuture'],
    ['2020-02-30', 'isoDate'],
    ['not a date', 'isoDate'],
  ])('refuses effectiveAt %s on a command, naming the rule (%s), writing nothing', async (effectiveAt, rule) => {
    const head = await t.headPosition();
    const res = await mutate(t, 'reportActivityProgress', { commitmentId: 'odd.1', activityId: 'odd.1.1', progress: 5, effectiveAt });
    expect(codes(res)).toEqual(['VALIDATION_FAILED']);
    expect(res.errors![0].extensions.problems).toEqual([expect.objectContaining({ field: 'effectiveAt', rule })]);
    expect(await t.headPosition()).toBe(head);
  });

  it('accepts the first day of 1900 as an effective date', async () => {
    const res = await mutate(t, 'reportActivityProgress', {
      commitmentId: 'odd.1',
      activityId: 'odd.1.1',
      progress: 5,
      effectiveAt: '1900-01-01',
    });
    expect(res.errors).toBeUndefined();
  });

  it.each([
    ['plan(id: "odd", asOf: { effectiveAt: "0001-01-01" }) { id }', 'dateRange'],
    ['plan(id: "odd", asOf: { effectiveAt: "+010000-01-01T00:00:00Z" }) { id }', 'isoDate'],
    ['plan(id: "odd", asOf: { effectiveAt: "10000-01-01" }) { id }', 'isoDate'],
    ['plan(id: "odd", asOf: { effectiveAt: "2020-02-30" }) { id }', 'isoDate'],
    ['plan(id: "odd", asOf: { effectiveAt: "March 7, 2020" }) { id }', 'isoDate'],
    ['rateHistory(planId: "odd", from: "0001-01-01", to: "2020-01-01") { at }', 'dateRange'],
    ['rateHistory(planId: "odd", from: "2020-01-01", to: "not a date") { at }', 'isoDate'],
    ['selfAssessmentReport(planId: "odd", asOf: "99999-12-31")', 'isoDate'],
    ['changes(planId: "odd", since: "1000-01-01", until: "2020-01-01") { rateAfter }', 'dateRange'],
    ['auditTrail(filter: { effectiveFrom: "0099-01-01" }) { totalCount }', 'dateRange'],
  ])('refuses the date in %s as VALIDATION_FAILED (rule %s), never a 500 or a null', async (field, rule) => {
    const res = await t.gql(`{ ${field} }`, undefined, 'auditor');
    expect(res.data ?? null).toBeNull();
    expect(codes(res)).toEqual(['VALIDATION_FAILED']);
    expect(res.errors![0].extensions.problems).toEqual([expect.objectContaining({ rule })]);
  });

  it('refuses an out-of-range date sent as a variable, naming the variable', async () => {
    const res = await t.gql(
      'query($at: DateTime) { plan(id: "odd", asOf: { effectiveAt: $at }) { id } }',
      { at: '0001-01-01' },
      'anonymous',
    );
    expect(codes(res)).toEqual(['VALIDATION_FAILED']);
    expect(res.errors![0].message).toContain('$at');
    expect(res.errors![0].extensions.problems).toEqual([expect.objectContaining({ rule: 'dateRange' })]);
  });
});
