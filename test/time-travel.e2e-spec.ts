import { mustMutate, mutate } from './support/ledger-fixtures';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * An auditor's questions, over HTTP, on a small history whose figures are computed by hand.
 * Commitment tt.1 has A1 (weight 1) and A2 (weight 3): rate = (p1 + 3·p2) / 4. The clock moves as
 * the history is written, so "as known at" has something to tell apart.
 *
 *   written (recordedAt)   fact                                          effective
 *   2020-03-31 18:00       A1 = 20                                       2020-03-31
 *   2020-07-01 09:00       A1 = 50, A2 = 10                              2020-06-30
 *   2020-07-10 10:00       committee closes "S1 2020"                    (ends 2020-06-30)
 *   2020-07-15 11:00       correction: A1 = 40 ("typo")                  2020-06-30 (the figure it corrects)
 *   2020-08-05 12:00       late report: A2 = 5                           2020-05-31
 *   2021-01-04 08:00       A1 = 100; committee closes "S2 2020"          2020-12-31
 */
const P = 'tt';
const C = 'tt.1';
const A1 = 'tt.1.1';
const A2 = 'tt.1.2';
let now = Date.parse('2020-01-02T08:00:00Z');
const at = (iso: string) => (now = Date.parse(iso));
const RATE = '{ implementationRate }';

describe('time travel: the auditor’s questions', () => {
  let t: TestApp;
  let beforeCorrection: string;

  beforeAll(async () => {
    t = await startTestApp({ clock: () => new Date(now) });
    const from2020 = { effectiveAt: '2020-01-01' };
    await mustMutate(t, 'definePlan', { id: P, country: 'Maroc', title: 'Plan', period: '2020-2021', ...from2020 });
    await mustMutate(t, 'addAxis', { planId: P, axisId: 'a', title: 'Accès', ...from2020 });
    await mustMutate(t, 'registerCommitment', {
      planId: P,
      axisId: 'a',
      number: 1,
      title: 'Données',
      leadOrganisation: 'DRA',
      ...from2020,
    });
    await mustMutate(t, 'planActivity', { commitmentId: C, title: 'A1', weight: 1, ...from2020 });
    await mustMutate(t, 'planActivity', { commitmentId: C, title: 'A2', weight: 3, ...from2020 });
    const report = (activityId: string, progress: number, effectiveAt: string, note?: string) =>
      mustMutate(t, 'reportActivityProgress', { commitmentId: C, activityId, progress, effectiveAt, note });
    at('2020-03-31T18:00:00Z');
    await report(A1, 20, '2020-03-31');
    at('2020-07-01T09:00:00Z');
    await report(A1, 50, '2020-06-30', 'atelier tenu');
    beforeCorrection = (await report(A2, 10, '2020-06-30')).position;
    at('2020-07-10T10:00:00Z');
    await mustMutate(t, 'closeReportingPeriod', { planId: P, name: 'S1 2020', endsAt: '2020-06-30' });
    at('2020-07-15T11:00:00Z');
    await mustMutate(t, 'correctActivityProgress', { commitmentId: C, activityId: A1, progress: 40, reason: 'typo' });
    at('2020-08-05T12:00:00Z');
    await report(A2, 5, '2020-05-31');
    at('2021-01-04T08:00:00Z');
    await report(A1, 100, '2020-12-31');
    await mustMutate(t, 'closeReportingPeriod', { planId: P, name: 'S2 2020', endsAt: '2020-12-31' });
  }, 60_000);
  afterAll(() => t.stop());

  const plan = async (asOf: string, fields = RATE) => (await t.gql(`{ plan(id: "${P}", asOf: ${asOf}) ${fields} }`)).data.plan;
  const activities = async (asOf: string) =>
    (await t.gql(`{ commitment(id: "${C}", asOf: ${asOf}) { activities { progress status note progressEffectiveAt } } }`)).data.commitment
      .activities;

  it('as effective at 2020-06-30, as known now: the corrected figure, dated at the figure it corrects', async () => {
    expect(await plan('{ effectiveAt: "2020-06-30T23:59:59Z" }')).toEqual({ implementationRate: (40 + 3 * 10) / 4 });
    expect((await activities('{ effectiveAt: "2020-06-30T23:59:59Z" }'))[0]).toEqual({
      progress: 40,
      status: 'LIMITED',
      note: 'atelier tenu',
      progressEffectiveAt: '2020-06-30T00:00:00.000Z',
    });
  });

  it('as effective at 2020-06-30, as known at the committee meeting of 2020-07-10: the figure before its correction', async () => {
    expect(await plan('{ effectiveAt: "2020-06-30T23:59:59Z", knownAt: "2020-07-10T10:00:00Z" }')).toEqual({
      implementationRate: (50 + 3 * 10) / 4,
    });
  });

  it('as of a log position: what the ledger held right after that write', async () => {
    expect(await plan(`{ position: "${beforeCorrection}" }`)).toEqual({ implementationRate: (50 + 3 * 10) / 4 });
  });

  it('a late report changes the past it is about, not the figure in force after it', async () => {
    expect(await plan('{ effectiveAt: "2020-05-31T23:59:59Z" }')).toEqual({ implementationRate: (20 + 3 * 5) / 4 });
    expect(await plan('{ effectiveAt: "2020-05-31T23:59:59Z", knownAt: "2020-08-01T00:00:00Z" }')).toEqual({ implementationRate: 20 / 4 });
    expect((await activities('{ effectiveAt: "2020-06-30T23:59:59Z" }'))[1]).toMatchObject({ progress: 10 });
  });

  it('before the plan was defined there is no plan, and an unknown plan is null too', async () => {
    expect(await plan('{ effectiveAt: "2019-12-31T00:00:00Z" }')).toBeNull();
    expect((await t.gql('{ plan(id: "nowhere", asOf: { effectiveAt: "2020-06-30T00:00:00Z" }) { id } }')).data.plan).toBeNull();
  });

  it('rateHistory, by default over the plan’s period by month, falls on month ends (2020-02-29, a leap year)', async () => {
    const res = await t.gql(`{ rateHistory(planId: "${P}") { at implementationRate } }`);
    const points: Array<{ at: string; implementationRate: number }> = res.data.rateHistory;
    expect(points).toHaveLength(24);
    expect(points.slice(0, 3).map((p) => p.at)).toEqual([
      '2020-01-31T23:59:59.999Z',
      '2020-02-29T23:59:59.999Z',
      '2020-03-31T23:59:59.999Z',
    ]);
    expect(points[points.length - 1].at).toBe('2021-12-31T23:59:59.999Z');
    const rates = points.slice(0, 12).map((p) => p.implementationRate);
    expect(rates).toEqual([0, 0, 5, 5, 8.75, 17.5, 17.5, 17.5, 17.5, 17.5, 17.5, 32.5]);
  });

  it('rateHistory as known at the first committee meeting shows the uncorrected June, no late May report', async () => {
    const res = await t.gql(
      `{ rateHistory(planId: "${P}", from: "2020-04-30T23:59:59Z", to: "2020-06-30T23:59:59Z", knownAt: "2020-07-10T10:00:00Z") { implementationRate } }`,
    );
    expect(res.data.rateHistory.map((p: { implementationRate: number }) => p.implementationRate)).toEqual([5, 5, 20]);
  });

  it('changes between the two committee meetings: rates as of both, and the events effective in between', async () => {
    const res = await t.gql(`{ changes(planId: "${P}", period: "S2 2020") {
      since until rateBefore rateAfter commitments { commitmentId rateBefore rateAfter events { type effectiveAt data } } } }`);
    expect(res.data.changes).toEqual({
      since: '2020-06-30T00:00:00.000Z',
      until: '2020-12-31T00:00:00.000Z',
      rateBefore: 17.5,
      rateAfter: (100 + 3 * 10) / 4,
      commitments: [
        {
          commitmentId: C,
          rateBefore: 17.5,
          rateAfter: 32.5,
          events: [
            { type: 'ActivityProgressReported', effectiveAt: '2020-12-31T00:00:00.000Z', data: expect.objectContaining({ progress: 100 }) },
          ],
        },
      ],
    });
  });

  it('changes as known at a date leave out what was written after it', async () => {
    const res =
      await t.gql(`{ changes(planId: "${P}", since: "2020-04-30T00:00:00Z", until: "2020-06-30T00:00:00Z", knownAt: "2020-07-10T10:00:00Z") {
      knownAt rateAfter commitments { events { type } } } }`);
    expect(res.data.changes).toEqual({
      knownAt: '2020-07-10T10:00:00.000Z',
      rateAfter: 20,
      commitments: [{ events: [{ type: 'ActivityProgressReported' }, { type: 'ActivityProgressReported' }] }],
    });
  });

  it('the report as of a date shows the plan as of that date', async () => {
    const res = await t.gql(`{ selfAssessmentReport(planId: "${P}", asOf: "2020-06-30T00:00:00Z", format: MD, lang: EN) }`);
    expect(res.errors).toBeUndefined();
    // 17.5 % rounds half up to 18; as known now (with December) it would be 33.
    expect(res.data.selfAssessmentReport).toMatch(/is 18\s?%/);
    expect(res.data.selfAssessmentReport).not.toMatch(/\b33\s?%/);
  });

  it('refuses a correction dated other than the figure it corrects, and writes nothing', async () => {
    const before = await t.headPosition();
    const res = await mutate(t, 'correctActivityProgress', {
      commitmentId: C,
      activityId: A1,
      progress: 90,
      reason: 'r',
      effectiveAt: '2021-01-01',
    });
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      problems: [{ field: 'effectiveAt', rule: 'correctionDate' }],
    });
    expect(await t.headPosition()).toBe(before);
  });

  // Dates outside 1900–9999 are refused by the DateTime scalar itself (ADR 0009), before the series
  // code; an inverted range or too many points by the series' own checks, naming the argument.
  it.each([
    ['from: "1850-01-01T00:00:00Z"', 'dateRange'],
    ['to: "+010000-01-01T00:00:00Z"', 'isoDate'],
    ['knownAt: "1899-12-31T00:00:00Z"', 'dateRange'],
  ])('rateHistory refuses the date in (%s) with VALIDATION_FAILED (rule %s), not a 500 or a null', async (args, rule) => {
    const res = await t.gql(`{ rateHistory(planId: "${P}", ${args}) { at } }`, undefined, 'auditor');
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', problems: [expect.objectContaining({ rule })] });
  });

  it.each([
    ['from', 'from: "2021-01-01T00:00:00Z", to: "2020-01-01T00:00:00Z"', 'beforeTo'],
    ['interval', 'from: "2018-01-01T00:00:00Z", to: "2021-01-01T00:00:00Z", interval: day', 'maxPoints'],
  ])('rateHistory refuses a bad %s (%s) with VALIDATION_FAILED naming it', async (field, args, rule) => {
    const res = await t.gql(`{ rateHistory(planId: "${P}", ${args}) { at } }`, undefined, 'anonymous');
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', problems: [{ field, rule }] });
  });

  it('refuses an as-of date past the year 9999 instead of answering null', async () => {
    const res = await t.gql(`{ plan(id: "${P}", asOf: { effectiveAt: "+010000-01-01T00:00:00Z" }) { id } }`);
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      problems: [expect.objectContaining({ rule: 'isoDate' })],
    });
  });

  it('refuses an inverted changes range, naming since', async () => {
    const res = await t.gql(`{ changes(planId: "${P}", since: "2021-01-01", until: "2020-01-01") { rateAfter } }`, undefined, 'anonymous');
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', problems: [{ field: 'since', rule: 'beforeUntil' }] });
  });

  it('answers an empty series for an unknown plan, commitment or axis (as plan(id) answers null)', async () => {
    const res = await t.gql(
      `{ a: rateHistory(planId: "nowhere") { at } b: rateHistory(planId: "${P}", commitmentId: "tt.9") { at } c: rateHistory(planId: "${P}", axisId: "z") { at } }`,
    );
    expect(res).toEqual({ data: { a: [], b: [], c: [] } });
  });
});
