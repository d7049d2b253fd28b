import { frozenClock, mustMutate } from '../support/ledger-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/** What a dashboard reads besides the rates: freshness, notes, empty rates, a filtered list, null filters. */

const P = 'dash';
describe('API additions for dashboards', () => {
  let t: TestApp;
  let reported: { position: string };
  beforeAll(async () => {
    t = await startTestApp({ clock: frozenClock });
    await mustMutate(t, 'definePlan', { id: P, country: 'Maroc', title: 'Plan', period: '2021-2023' });
    await mustMutate(t, 'addAxis', { planId: P, axisId: 'gouvernance', title: 'Gouvernance' });
    await mustMutate(t, 'addAxis', { planId: P, axisId: 'budget', title: 'Budget ouvert' });
    await mustMutate(t, 'registerCommitment', {
      planId: P,
      axisId: 'gouvernance',
      number: 1,
      title: "Portail d'accès à l'information",
      leadOrganisation: 'Ministère de la Réforme',
    });
    await mustMutate(t, 'registerCommitment', {
      planId: P,
      axisId: 'budget',
      number: 2,
      title: 'Budget citoyen',
      leadOrganisation: 'Finances',
    });
    await mustMutate(t, 'registerCommitment', { planId: P, axisId: 'budget', number: 3, title: 'Vide', leadOrganisation: 'Finances' });
    await mustMutate(t, 'planActivity', { commitmentId: `${P}.1`, title: 'Étude', weight: 1 });
    await mustMutate(t, 'planActivity', { commitmentId: `${P}.2`, title: 'Publication', weight: 1 });
    reported = await mustMutate(t, 'reportActivityProgress', {
      commitmentId: `${P}.1`,
      activityId: `${P}.1.1`,
      progress: 95,
      note: 'portail en ligne',
      effectiveAt: '2021-03-31',
    });
  }, 60_000);
  afterAll(() => t?.stop());

  it('tells when and at which log position a plan, a commitment and an activity last changed', async () => {
    const { data } = await t.gql(
      `{ plan(id:"${P}") { lastUpdatedAt lastPosition commitments { id lastPosition activities { id note lastUpdatedAt lastPosition } } } }`,
      {},
      'anonymous',
    );
    expect(data.plan.lastPosition).toBe(reported.position);
    expect(data.plan.lastUpdatedAt).toBe('2021-06-30T12:00:00.000Z');
    const [c1, c2] = data.plan.commitments;
    expect(c1.lastPosition).toBe(reported.position);
    expect(c1.activities[0]).toEqual({
      id: `${P}.1.1`,
      note: 'portail en ligne',
      lastUpdatedAt: '2021-06-30T12:00:00.000Z',
      lastPosition: reported.position,
    });
    expect(BigInt(c2.lastPosition)).toBeLessThan(BigInt(reported.position));
    expect(c2.activities[0].note).toBeNull();
  });

  it('gives a null rate (not 0) to what has nothing counting yet, and leaves it out of the means', async () => {
    const { data } = await t.gql(
      `{ plan(id:"${P}") { implementationRate axes { id implementationRate } commitments { number implementationRate } } }`,
    );
    expect(data.plan.commitments.map((c: { implementationRate: number | null }) => c.implementationRate)).toEqual([95, 0, null]);
    expect(data.plan.implementationRate).toBeCloseTo(47.5, 10);
    expect(data.plan.axes).toEqual([
      { id: 'gouvernance', implementationRate: 95 },
      { id: 'budget', implementationRate: 0 },
    ]);
  });

  it('lists commitments filtered by axis, band and words (accents ignored), paged by number', async () => {
    const list = async (args: string) =>
      (
        await t.gql(
          `{ commitments(planId:"${P}" ${args}) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { number } } } }`,
          {},
          'anonymous',
        )
      ).data.commitments;
    expect((await list('axisId:"budget"')).edges.map((e: { node: { number: number } }) => e.node.number)).toEqual([2, 3]);
    expect((await list('band: COMPLETE')).totalCount).toBe(1);
    expect((await list('search:"reforme portail"')).edges[0].node.number).toBe(1);
    const first = await list('first: 2');
    expect(first).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true, endCursor: '2' } });
    const rest = await list(`first: 2, after: "${first.pageInfo.endCursor}"`);
    expect(rest).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: false, endCursor: '3' } });
    expect((await list('axisId: null, band: null, search: null, first: null')).totalCount).toBe(3);
  });

  it('refuses a page size out of range, naming the field', async () => {
    const res = await t.gql(`{ commitments(planId:"${P}", first: 501) { totalCount } }`);
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'VALIDATION_FAILED' } });
    expect(res.errors?.[0].message).toMatch(/first must be an integer between 0 and 500/);
  });

  it('reads a null in any filter as "not given": auditTrail(filter: {actor: null}) is the whole trail', async () => {
    const count = async (filter: string) =>
      (await t.gql(`{ auditTrail(filter: ${filter}) { totalCount } }`, {}, 'auditor')).data.auditTrail.totalCount;
    const all = await count('{}');
    expect(all).toBeGreaterThan(0);
    expect(await count('{ actor: null, planId: null, types: null, recordedFrom: null }')).toBe(all);
  });

  it('reads a null time-travel bound as "not given" (the live figures)', async () => {
    const res = await t.gql(`{ plan(id:"${P}", asOf: { position: null, knownAt: null, effectiveAt: null }) { implementationRate } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.plan.implementationRate).toBeCloseTo(47.5, 10);
  });

  it('shows anonymous readers the business date of each event, never who or when it was recorded', async () => {
    const { data } = await t.gql(
      `{ auditTrail(filter: { commitmentId: "${P}.1" }) { edges { node { type effectiveAt metadata { actor } } } } }`,
      {},
      'anonymous',
    );
    const progress = data.auditTrail.edges
      .map((e: { node: unknown }) => e.node)
      .find((n: { type: string }) => n.type === 'ActivityProgressReported');
    expect(progress).toEqual({ type: 'ActivityProgressReported', effectiveAt: '2021-03-31T00:00:00.000Z', metadata: null });
  });
});
