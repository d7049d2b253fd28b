import { frozenClock, FROZEN_NOW } from './support/ledger-fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { AXIS_A, AXIS_B, C1, C2, C3, PLAN, written } from './coordinator-flow/expected-rates';
import type { Commitment, Plan } from './coordinator-flow/flow-payloads';
import { flowSteps } from './coordinator-flow/flow-steps';

/**
 * A coordinator builds and reports on a plan, one mutation per step. After each step the payload
 * already shows the write (read-your-writes), version and position moved forward, and the rates
 * equal what this test computes itself from what it wrote:
 * commitment = Σ wᵢ·pᵢ / Σ wᵢ over activities not cancelled; axis and plan = mean of their
 * commitments' rates (RATE_FORMULA in libs/ledger/src/rates/rates.ts).
 */

describe('a coordinator records a plan and its progress over HTTP', () => {
  let t: TestApp;
  const { step, activityOf, eventsIn, expectRates } = flowSteps(() => t);

  beforeAll(async () => {
    t = await startTestApp({ clock: frozenClock });
  }, 30_000);
  afterAll(() => t.stop());

  it('defines a plan', async () => {
    const { plan } = await step('definePlan', { id: PLAN, country: 'Maroc', title: "Plan d'action national", period: '2021-2023' }, PLAN);
    expect(plan).toMatchObject({
      id: PLAN,
      country: 'Maroc',
      title: "Plan d'action national",
      period: '2021-2023',
      axes: [],
      commitments: [],
    });
    expect(plan!.implementationRate).toBeNull(); // nothing counts yet: no rate
  });

  it('adds two axes, in order', async () => {
    await step('addAxis', { planId: PLAN, axisId: AXIS_A, title: 'Gouvernance' }, PLAN);
    const { plan } = await step('addAxis', { planId: PLAN, axisId: AXIS_B, title: "Accès à l'information" }, PLAN);
    expect(plan!.axes.map((a) => [a.id, a.order])).toEqual([
      [AXIS_A, 1],
      [AXIS_B, 2],
    ]);
  });

  it('registers three commitments under their axes', async () => {
    const { commitment } = await step(
      'registerCommitment',
      { planId: PLAN, axisId: AXIS_A, number: 1, title: 'Budget ouvert', leadOrganisation: 'Ministère des Finances', problem: 'Opacité' },
      C1,
    );
    expect(commitment).toMatchObject({ id: C1, axis: { id: AXIS_A }, activities: [], implementationRate: null });
    await step('registerCommitment', { planId: PLAN, axisId: AXIS_A, number: 2, title: 'Marchés publics', leadOrganisation: 'TGR' }, C2);
    await step('registerCommitment', { planId: PLAN, axisId: AXIS_B, number: 3, title: 'Portail', leadOrganisation: 'ADD' }, C3);
    const plan = (await t.gql(`{ plan(id:"${PLAN}") { axes { id commitments { id } } commitments { id } } }`)).data.plan;
    expect(plan.axes).toEqual([
      { id: AXIS_A, commitments: [{ id: C1 }, { id: C2 }] },
      { id: AXIS_B, commitments: [{ id: C3 }] },
    ]);
  });

  it('plans three weighted activities (numbered 1, 2, 3), and one on each other commitment', async () => {
    const weights = [2, 1, 1.5];
    let last: Commitment | undefined;
    for (const [i, weight] of weights.entries()) {
      last = (await step('planActivity', { commitmentId: C1, title: `Activité ${i + 1}`, weight }, C1)).commitment;
      written[C1].activities[`${C1}.${i + 1}`] = { weight, progress: 0, cancelled: false };
    }
    expect(last!.activities.map((a) => [a.id, a.weight, a.progress, a.status, a.lifecycle])).toEqual([
      [`${C1}.1`, 2, 0, 'NOT_STARTED', 'ACTIVE'],
      [`${C1}.2`, 1, 0, 'NOT_STARTED', 'ACTIVE'],
      [`${C1}.3`, 1.5, 0, 'NOT_STARTED', 'ACTIVE'],
    ]);
    await step('planActivity', { commitmentId: C2, title: 'Seule activité', weight: 1 }, C2);
    written[C2].activities[`${C2}.1`] = { weight: 1, progress: 0, cancelled: false };
    await step('planActivity', { commitmentId: C3, number: 7, title: 'Numérotée 7', weight: 4 }, C3);
    written[C3].activities[`${C3}.7`] = { weight: 4, progress: 0, cancelled: false };
    await expectRates(last);
  });

  it('reports progress with an explicit band and effective date; the band is derived when not given', async () => {
    await step(
      'reportActivityProgress',
      { commitmentId: C1, activityId: `${C1}.1`, progress: 100, status: 'COMPLETE', effectiveAt: '2020-03-31' },
      C1,
    );
    written[C1].activities[`${C1}.1`].progress = 100;
    await step(
      'reportActivityProgress',
      { commitmentId: C1, activityId: `${C1}.2`, progress: 50, effectiveAt: '2020-03-31', note: 'à mi-chemin' },
      C1,
    );
    written[C1].activities[`${C1}.2`].progress = 50;
    const { commitment } = await step(
      'reportActivityProgress',
      { commitmentId: C1, activityId: `${C1}.3`, progress: 75, status: 'SUBSTANTIAL', effectiveAt: '2020-04-30T10:00:00Z' },
      C1,
    );
    written[C1].activities[`${C1}.3`].progress = 75;
    expect(activityOf(commitment!, `${C1}.1`)).toMatchObject({
      progress: 100,
      status: 'COMPLETE',
      progressEffectiveAt: '2020-03-31T00:00:00.000Z',
    });
    expect(activityOf(commitment!, `${C1}.2`)).toMatchObject({ progress: 50, status: 'LIMITED' });
    expect(activityOf(commitment!, `${C1}.3`)).toMatchObject({
      progress: 75,
      status: 'SUBSTANTIAL',
      progressEffectiveAt: '2020-04-30T10:00:00.000Z',
    });
    await step('reportActivityProgress', { commitmentId: C2, activityId: `${C2}.1`, progress: 30, effectiveAt: '2020-03-31' }, C2);
    written[C2].activities[`${C2}.1`].progress = 30;
    const c3 = (await step('reportActivityProgress', { commitmentId: C3, activityId: `${C3}.7`, progress: 90 }, C3)).commitment!;
    written[C3].activities[`${C3}.7`].progress = 90;
    // 90 is in two bands; derived, it is COMPLETE. Without effectiveAt, the fact is effective when recorded.
    expect(activityOf(c3, `${C3}.7`)).toMatchObject({ status: 'COMPLETE', progressEffectiveAt: FROZEN_NOW.toISOString() });
    expect(commitment!.implementationRate).toBeCloseTo((2 * 100 + 1 * 50 + 1.5 * 75) / 4.5, 10);
    await expectRates(commitment);
  });

  it('keeps the later figure when a report about an earlier date arrives late (the event is still recorded)', async () => {
    const { commitment } = await step(
      'reportActivityProgress',
      { commitmentId: C1, activityId: `${C1}.2`, progress: 10, effectiveAt: '2020-01-31' },
      C1,
    );
    expect(activityOf(commitment!, `${C1}.2`)).toMatchObject({ progress: 50, progressEffectiveAt: '2020-03-31T00:00:00.000Z' });
    await expectRates(commitment);
  });

  it('records actions done, not done (with a reason) and additional', async () => {
    await step('recordAction', { commitmentId: C1, activityId: `${C1}.1`, kind: 'DONE', text: 'Atelier tenu', date: 'mars 2020' }, C1);
    await step(
      'recordAction',
      {
        commitmentId: C1,
        activityId: `${C1}.2`,
        kind: 'NOT_DONE',
        text: 'Consultation en ligne',
        reason: 'Pandémie',
        effectiveAt: '2020-05-01',
      },
      C1,
    );
    const { commitment } = await step(
      'recordAction',
      { commitmentId: C1, activityId: `${C1}.1`, kind: 'ADDITIONAL', text: 'Guide publié' },
      C1,
    );
    const a1 = activityOf(commitment!, `${C1}.1`);
    const a2 = activityOf(commitment!, `${C1}.2`);
    expect(a1.actionsDone).toEqual([
      { id: `${C1}.1.x1`, text: 'Atelier tenu', date: 'mars 2020', reason: null, effectiveAt: FROZEN_NOW.toISOString() },
    ]);
    expect(a1.additionalActions.map((x) => [x.id, x.text])).toEqual([[`${C1}.1.x2`, 'Guide publié']]);
    expect(a1.actionsNotDone).toEqual([]);
    expect(a2.actionsNotDone).toEqual([
      { id: `${C1}.2.x1`, text: 'Consultation en ligne', date: null, reason: 'Pandémie', effectiveAt: '2020-05-01T00:00:00.000Z' },
    ]);
    await expectRates(commitment); // actions do not move the rate
  });

  it('logs a communication action', async () => {
    const { commitment } = await step(
      'logCommunicationAction',
      { commitmentId: C1, action: 'Communiqué de presse', date: '2020-06-01', target: 'Grand public', indicators: '3 articles' },
      C1,
    );
    expect(commitment!.communicationActions).toEqual([
      { id: `${C1}.c1`, action: 'Communiqué de presse', date: '2020-06-01', target: 'Grand public', indicators: '3 articles' },
    ]);
  });

  it('records the outcome; a later outcome keeps the parts it does not give', async () => {
    await step('recordOutcome', { commitmentId: C1, results: 'Budget citoyen publié', contribution: 'Plus de transparence' }, C1);
    const { commitment } = await step('recordOutcome', { commitmentId: C1, nextSteps: 'Étendre aux communes' }, C1);
    expect(commitment).toMatchObject({
      results: 'Budget citoyen publié',
      contribution: 'Plus de transparence',
      nextSteps: 'Étendre aux communes',
    });
  });

  it('suspends an activity: it still counts in the rate', async () => {
    const { commitment } = await step('suspendActivity', { commitmentId: C1, activityId: `${C1}.2`, reason: 'Budget gelé' }, C1);
    expect(activityOf(commitment!, `${C1}.2`)).toMatchObject({ lifecycle: 'SUSPENDED', lifecycleReason: 'Budget gelé', progress: 50 });
    await expectRates(commitment);
  });

  it('resumes it', async () => {
    const { commitment } = await step('resumeActivity', { commitmentId: C1, activityId: `${C1}.2`, reason: 'Budget débloqué' }, C1);
    expect(activityOf(commitment!, `${C1}.2`)).toMatchObject({ lifecycle: 'ACTIVE', lifecycleReason: null });
  });

  it('cancels an activity: it leaves the rate (numerator and denominator)', async () => {
    const before = (await t.gql(`{ commitment(id:"${C1}") { implementationRate } }`)).data.commitment.implementationRate;
    const { commitment } = await step('cancelActivity', { commitmentId: C1, activityId: `${C1}.3`, reason: 'Abandonnée' }, C1);
    written[C1].activities[`${C1}.3`].cancelled = true;
    expect(activityOf(commitment!, `${C1}.3`)).toMatchObject({ lifecycle: 'CANCELLED', lifecycleReason: 'Abandonnée', progress: 75 });
    expect(commitment!.implementationRate).toBeCloseTo((2 * 100 + 1 * 50) / 3, 10);
    expect(commitment!.implementationRate).not.toBeCloseTo(before, 5);
    await expectRates(commitment);
  });

  it('corrects a figure: the new figure counts, its business date stays the one corrected', async () => {
    const { commitment } = await step(
      'correctActivityProgress',
      { commitmentId: C1, activityId: `${C1}.1`, progress: 95, reason: 'Coquille dans le rapport' },
      C1,
    );
    written[C1].activities[`${C1}.1`].progress = 95;
    expect(activityOf(commitment!, `${C1}.1`)).toMatchObject({
      progress: 95,
      status: 'COMPLETE',
      progressEffectiveAt: '2020-03-31T00:00:00.000Z',
    });
    await expectRates(commitment);
  });

  it('changes a weight', async () => {
    const { commitment } = await step('setActivityWeight', { commitmentId: C1, activityId: `${C1}.2`, weight: 3 }, C1);
    written[C1].activities[`${C1}.2`].weight = 3;
    expect(activityOf(commitment!, `${C1}.2`).weight).toBe(3);
    expect(commitment!.implementationRate).toBeCloseTo((2 * 95 + 3 * 50) / 5, 10);
    await expectRates(commitment);
  });

  it('retracts an action recorded by mistake: it is no longer listed', async () => {
    const { commitment } = await step(
      'retractAction',
      { commitmentId: C1, activityId: `${C1}.1`, actionId: `${C1}.1.x1`, reason: 'Doublon' },
      C1,
    );
    const a1 = activityOf(commitment!, `${C1}.1`);
    expect(a1.actionsDone).toEqual([]);
    expect(a1.additionalActions.map((x) => x.id)).toEqual([`${C1}.1.x2`]);
  });

  it('closes a reporting period', async () => {
    const { plan } = await step('closeReportingPeriod', { planId: PLAN, name: 'Revue à mi-parcours', endsAt: '2020-06-30' }, PLAN);
    expect(plan!.periods).toEqual([{ name: 'Revue à mi-parcours', endsAt: '2020-06-30' }]);
    // The version is the number of events in the plan's stream, counted in the store itself.
    expect(plan!.version).toBe(await eventsIn(`plan-${PLAN}`));
  });

  it('serves the same figures to an anonymous reader, with the rates computed from what was written', async () => {
    const res = await t.gql<{ plan: Plan; commitment: Commitment }>(
      `{ plan(id:"${PLAN}") { version implementationRate axes { id implementationRate } commitments { id implementationRate } }
         commitment(id:"${C1}") { version activities { id weight progress lifecycle } } }`,
      undefined,
      'anonymous',
    );
    expect(res.errors).toBeUndefined();
    const { plan, commitment } = res.data!;
    expect(plan.version).toBe(await eventsIn(`plan-${PLAN}`));
    expect(commitment.version).toBe(await eventsIn(`commitment-${C1}`));
    expect(commitment.activities.map((a) => [a.id, a.weight, a.progress, a.lifecycle])).toEqual([
      [`${C1}.1`, 2, 95, 'ACTIVE'],
      [`${C1}.2`, 3, 50, 'ACTIVE'],
      [`${C1}.3`, 1.5, 75, 'CANCELLED'],
    ]);
    // Hand-computed: C1 = (2·95 + 3·50) / 5 = 68, C2 = 30, C3 = 90.
    expect(plan.commitments.map((c) => c.implementationRate)).toEqual([68, 30, 90]);
    expect(plan.axes).toEqual([
      { id: AXIS_A, implementationRate: 49 },
      { id: AXIS_B, implementationRate: 90 },
    ]);
    expect(plan.implementationRate).toBeCloseTo(188 / 3, 10);
  });
});
