import { randomUUID } from 'node:crypto';
import {
  decideCommitment,
  decideEffectiveAt,
  decidePlan,
  evolveCommitment,
  evolvePlan,
  initialCommitmentState,
  initialPlanState,
  LedgerError,
  streamName,
  type CommitmentCommand,
  type CommitmentState,
  type LedgerEvent,
  type PlanCommand,
  type PlanState,
} from '@ledger/domain';
import { InMemoryEventStore, type RecordedEvent } from '@ledger/event-store';
import { resolveStep, setupCommands, SCENARIO_PLAN, SCENARIO_PLAN_DATE, SCENARIO_START } from './scenario-commands';
import type { ScenarioStep } from './scenario-steps';

export interface ScenarioRun {
  store: InMemoryEventStore;
  /** The whole log, in order. */
  log: RecordedEvent[];
  planId: string;
  /** Commands the deciders refused (nothing written for them). */
  refused: number;
}

const isPlanCommand = (c: PlanCommand | CommitmentCommand): c is PlanCommand =>
  c.type === 'DefinePlan' || c.type === 'AddAxis' || c.type === 'CloseReportingPeriod';

/**
 * Runs a history through the real deciders and the real date rule (decideEffectiveAt), as the
 * command handler does, recording each accepted command's events in an in-memory store with the
 * metadata the handler writes (recordedAt = the scenario's clock, effectiveAt as decided).
 */
export async function runScenario(steps: readonly ScenarioStep[]): Promise<ScenarioRun> {
  const store = new InMemoryEventStore();
  let plan: PlanState = initialPlanState;
  const commitments: CommitmentState[] = [];
  let now = SCENARIO_START;
  let refused = 0;

  const record = async (stream: string, revisionBefore: number, events: LedgerEvent[], effectiveAt: string) => {
    const recordedAt = new Date(now).toISOString();
    const commandId = randomUUID();
    await store.append(
      stream,
      events.map((e) => ({
        id: randomUUID(),
        type: e.type,
        data: e.data,
        metadata: {
          schemaVersion: 1,
          actor: 'oracle',
          role: 'coordinator',
          commandId,
          commandHash: '',
          correlationId: commandId,
          causationId: commandId,
          recordedAt,
          effectiveAt,
        },
      })),
      revisionBefore < 0 ? 'no_stream' : BigInt(revisionBefore),
    );
  };
  const revisions = new Map<string, number>();
  const run = async (command: PlanCommand | CommitmentCommand, requested: string | undefined, legacy: boolean) => {
    const recordedAt = new Date(now).toISOString();
    if (isPlanCommand(command)) {
      const events = decidePlan(command, plan);
      const effectiveAt = new Date(requested ?? recordedAt).toISOString();
      await write(streamName('plan', SCENARIO_PLAN), events, effectiveAt);
      plan = events.reduce(evolvePlan, plan);
      return;
    }
    const id = command.type === 'RegisterCommitment' ? `${SCENARIO_PLAN}.${command.data.number}` : command.data.commitmentId;
    const index = commitments.findIndex((c) => c.id === id);
    const state = index < 0 ? initialCommitmentState : commitments[index];
    const events = decideCommitment(command, state, { plan });
    // Legacy steps stand for events written before the rule existed: their date as asked.
    const effectiveAt = legacy
      ? new Date(requested ?? recordedAt).toISOString()
      : decideEffectiveAt(command, state, { requested, recordedAt });
    await write(streamName('commitment', id), events, effectiveAt);
    const next = events.reduce((s, e) => evolveCommitment(s, e as never, { effectiveAt }), state);
    if (index < 0) commitments.push(next);
    else commitments[index] = next;
  };
  const write = async (stream: string, events: LedgerEvent[], effectiveAt: string) => {
    const before = revisions.get(stream) ?? -1;
    await record(stream, before, events, effectiveAt);
    revisions.set(stream, before + events.length);
  };

  for (const command of setupCommands()) await run(command, SCENARIO_PLAN_DATE, false);
  for (const step of steps) {
    now += step.hours * 3_600_000;
    const resolved = resolveStep(step, { planId: SCENARIO_PLAN, plan, commitments, now });
    if (!resolved) continue;
    try {
      await run(resolved.command, resolved.requested, resolved.legacy);
    } catch (error) {
      if (!(error instanceof LedgerError)) throw error;
      refused++;
    }
  }
  const log: RecordedEvent[] = [];
  for await (const e of store.readAll()) log.push(e);
  return { store, log, planId: SCENARIO_PLAN, refused };
}
