import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { mutate } from '../support/ledger-fixtures';
import type { TestApp } from '../support/test-app';
import { expectedAxisRate, expectedCommitmentRate, expectedPlanRate, PLAN } from './expected-rates';
import type { Activity, Commitment, Payload, Plan } from './flow-payloads';

/**
 * The coordinator flow's steps, on the app `app()` returns once started: each mutation must succeed,
 * move its stream's version by one and the log forward; the rates must equal the expected ones.
 */
export function flowSteps(app: () => TestApp) {
  /** Last version seen per stream, and the last log position seen. */
  const versions: Record<string, number> = {};
  let lastPosition = 0n;

  /** Runs a mutation that must succeed; checks version +1 on its stream and a later log position. */
  async function step(name: string, input: Record<string, unknown>, stream: string): Promise<Payload> {
    const res = await mutate(app(), name, input);
    expect(res.errors).toBeUndefined();
    const payload = res.data![name] as Payload;
    expect(payload.version).toBe((versions[stream] ?? 0) + 1);
    expect(BigInt(payload.position)).toBeGreaterThan(lastPosition);
    expect(BigInt(payload.position)).toBe(await app().headPosition());
    versions[stream] = payload.version;
    lastPosition = BigInt(payload.position);
    // The aggregate in the payload carries the same version as the write.
    expect((payload.commitment ?? payload.plan)!.version).toBe(payload.version);
    return payload;
  }
  const activityOf = (c: Commitment, id: string): Activity => c.activities.find((a) => a.id === id)!;
  async function eventsIn(stream: string): Promise<number> {
    let n = 0;
    for await (const _ of app().app.get<EventStore>(EVENT_STORE).readStream(stream)) n++;
    return n;
  }

  /** The commitment in the payload and the plan read right after both show the expected rates. */
  /** A rate is null exactly when nothing counts yet; otherwise the computed figure. */
  const expectRate = (actual: number | null, expected: number | null): void => {
    if (expected === null) expect(actual).toBeNull();
    else expect(actual).toBeCloseTo(expected, 10);
  };
  async function expectRates(commitment?: Commitment): Promise<void> {
    if (commitment) expectRate(commitment.implementationRate, expectedCommitmentRate(commitment.id));
    const plan = (
      await app().gql<{ plan: Plan }>(
        `{ plan(id:"${PLAN}") { implementationRate axes { id implementationRate } commitments { id implementationRate } } }`,
      )
    ).data!.plan;
    for (const c of plan.commitments) expectRate(c.implementationRate, expectedCommitmentRate(c.id));
    for (const a of plan.axes) expectRate(a.implementationRate, expectedAxisRate(a.id));
    expectRate(plan.implementationRate, expectedPlanRate());
  }
  return { step, activityOf, eventsIn, expectRates };
}
