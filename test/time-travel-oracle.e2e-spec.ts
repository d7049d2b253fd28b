import fc from 'fast-check';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { ReadModelService } from '@ledger/core';
import { LedgerReadModel } from '@ledger/projections';
import {
  normalizeReference,
  referencePlanAt,
  resolveStep,
  scenarioSteps,
  setupCommands,
  summarizePlan,
  SCENARIO_PLAN_DATE,
  SCENARIO_START,
  type ScenarioStep,
} from '@ledger/testing';
import type { CommitmentState, PlanState } from '@ledger/domain';
import { foldStream, PLAN_SUMMARY_FIELDS, readLog, sendCommand, summarizeGraphqlPlan } from './support/time-travel-http';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The time-travel oracle over HTTP, on the embedded store: random histories sent as mutations
 * (the server's own handler and date rules decide), then plan(asOf) compared with a fresh fold of
 * the log's prefix (positions) and with the reference model (dates). Fewer runs than the unit-level
 * oracle: each step is a request.
 */
const SEED = 20261201;
const RUNS = 25;

describe('time travel under an oracle, over HTTP on the embedded store', () => {
  let t: TestApp;
  let store: EventStore;
  let now = SCENARIO_START;
  let run = 0;
  const seen = { written: 0, refused: 0 };

  beforeAll(async () => {
    t = await startTestApp({ clock: () => new Date(now) });
    store = t.app.get<EventStore>(EVENT_STORE);
  });
  afterAll(() => t.stop());

  /**
   * Sends a history as mutations on a plan of its own; the store then holds it. The clock only
   * moves forward here (one app for all runs): "known at" is then a prefix of the log, the path
   * the unit-level oracle exercises less (its clocks also go backwards).
   */
  async function play(planId: string, steps: readonly ScenarioStep[]): Promise<void> {
    for (const command of setupCommands(planId)) {
      const res = await sendCommand(t, command, SCENARIO_PLAN_DATE);
      if (res.errors) throw new Error(`setup failed: ${res.errors[0].message}`);
    }
    let plan = await foldStream<PlanState>(store, `plan-${planId}`, 'plan');
    const commitments: CommitmentState[] = [];
    for (const step of steps) {
      now += Math.max(0, step.hours) * 3_600_000;
      const resolved = resolveStep(step, { planId, plan, commitments, now });
      if (!resolved) continue;
      const res = await sendCommand(t, resolved.command, resolved.requested);
      if (res.errors) {
        const code = res.errors[0].extensions.code;
        if (!['VALIDATION_FAILED', 'ILLEGAL_STATE', 'NOT_FOUND'].includes(code)) throw new Error(`${code}: ${res.errors[0].message}`);
        seen.refused++;
        continue;
      }
      seen.written++;
      // Refold what the command wrote to, as the handler's next load would see it.
      const id = commitmentOf(planId, resolved.command);
      if (id === undefined) plan = await foldStream<PlanState>(store, `plan-${planId}`, 'plan');
      else {
        const i = commitments.findIndex((c) => c.id === id);
        commitments[i < 0 ? commitments.length : i] = await foldStream<CommitmentState>(store, `commitment-${id}`, 'commitment');
      }
    }
  }

  const planAt = async (planId: string, asOf: string) =>
    summarizeGraphqlPlan(
      (await t.gql(`{ plan(id: "${planId}", asOf: ${asOf}) { ${PLAN_SUMMARY_FIELDS} } }`, undefined, 'auditor')).data.plan,
    );

  it('answers plan(asOf) like a fresh replay of the log prefix (positions) and like the reference model (dates)', async () => {
    await fc.assert(
      fc.asyncProperty(
        scenarioSteps(14),
        fc.array(fc.tuple(fc.nat(), fc.option(fc.nat(), { nil: undefined })), { minLength: 4, maxLength: 6 }),
        async (steps, probes) => {
          const planId = `o${++run}`;
          await play(planId, steps);
          expect(t.app.get(ReadModelService).model.history.data.log.recordedMonotone).toBe(true);
          const log = await readLog(store);
          const mine = log.filter((e) => e.stream === `plan-${planId}` || e.stream.startsWith(`commitment-${planId}.`));
          const fresh = new LedgerReadModel();
          let next = 0;
          for (const e of mine.filter((_, i) => i % 3 === 0 || i === mine.length - 1)) {
            for (; next < log.length && log[next].position <= e.position; next++) fresh.apply(log[next]);
            expect(await planAt(planId, `{ position: "${e.position}" }`)).toEqual(summarizePlan(fresh.plan(planId)));
          }
          const instants = [...new Set(mine.flatMap((e) => [String(e.metadata.effectiveAt), String(e.metadata.recordedAt)]))].sort();
          for (const [effective, known] of probes) {
            const effectiveAt = instants[effective % instants.length];
            const knownAt = known === undefined ? undefined : instants[known % instants.length];
            const asOf = `{ effectiveAt: "${effectiveAt}"${knownAt ? `, knownAt: "${knownAt}"` : ''} }`;
            const expected = referencePlanAt(log, planId, {
              effectiveAt: Date.parse(effectiveAt),
              knownAt: knownAt ? Date.parse(knownAt) : undefined,
            });
            expect(await planAt(planId, asOf)).toEqual(normalizeReference(expected));
          }
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
    expect(seen.written).toBeGreaterThan(RUNS * 8);
    expect(seen.refused).toBeGreaterThan(0);
  }, 300_000);
});

/** The commitment a command writes to (undefined for plan commands). */
function commitmentOf(planId: string, command: { type: string; data: unknown }): string | undefined {
  const data = command.data as { commitmentId?: string; number?: number };
  if (command.type === 'RegisterCommitment') return `${planId}.${data.number}`;
  return data.commitmentId;
}
