import { roundHalfUp } from '@ledger/domain';
import { importSampleIfEmpty } from '@ledger/core';
import { startTestApp, type TestApp } from './support/test-app';

/** The bundled Morocco 2018–2020 plan, imported on an empty ledger, gives the published figures. */
const PUBLISHED_COMMITMENT_RATES = [100, 100, 95, 96, 100, 95, 24, 100, 100, 95, 98, 100, 25, 26, 63, 100, 99, 97];

interface SamplePlan {
  id: string;
  implementationRate: number;
  axes: Array<{ id: string; implementationRate: number; commitments: Array<{ id: string }> }>;
  commitments: Array<{ id: string; number: number; implementationRate: number; activities: Array<{ id: string }> }>;
}

describe('the bundled sample plan ma-2018-2020', () => {
  let t: TestApp;
  let plan: SamplePlan;

  beforeAll(async () => {
    t = await startTestApp({ sample: true });
    const res = await t.gql<{ plan: SamplePlan }>(
      '{ plan(id:"ma-2018-2020") { id implementationRate axes { id implementationRate commitments { id } } commitments { id number implementationRate activities { id } } } }',
      undefined,
      'anonymous',
    );
    expect(res.errors).toBeUndefined();
    plan = res.data!.plan;
  }, 30_000);
  afterAll(() => t.stop());

  it('has 5 axes, 18 commitments (numbered 1–18, each under one axis) and 79 activities', () => {
    expect(plan.axes).toHaveLength(5);
    expect(plan.commitments.map((c) => c.number)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    expect(plan.axes.flatMap((a) => a.commitments.map((c) => c.id)).sort()).toEqual(plan.commitments.map((c) => c.id).sort());
    expect(plan.commitments.reduce((n, c) => n + c.activities.length, 0)).toBe(79);
  });

  it('rounds (half up) to the published commitment rates and to 84 % for the plan', () => {
    expect(plan.commitments.map((c) => roundHalfUp(c.implementationRate))).toEqual(PUBLISHED_COMMITMENT_RATES);
    expect(roundHalfUp(plan.implementationRate)).toBe(84);
  });

  it('computes the plan rate as the mean of the commitment rates, and each axis rate as the mean of its own', () => {
    const rates = new Map(plan.commitments.map((c) => [c.id, c.implementationRate]));
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(plan.implementationRate).toBeCloseTo(mean([...rates.values()]), 10);
    for (const axis of plan.axes) expect(axis.implementationRate).toBeCloseTo(mean(axis.commitments.map((c) => rates.get(c.id)!)), 10);
  });

  it('writes nothing when imported again (the ledger is not empty)', async () => {
    const head = await t.headPosition();
    expect(head).toBeDefined();
    expect(await importSampleIfEmpty(t.app)).toBe(false);
    expect(await t.headPosition()).toBe(head);
  });
});
