import {
  evolveCommitment,
  evolvePlan,
  initialCommitmentState,
  initialPlanState,
  type CommitmentCommand,
  type CommitmentEvent,
  type CommitmentState,
  type PlanCommand,
  type PlanEvent,
  type PlanState,
} from '@ledger/domain';
import type { EventStore, RecordedEvent } from '@ledger/event-store';
import type { ReferencePlan } from '@ledger/testing';
import { mutate } from './ledger-fixtures';
import type { TestApp } from './test-app';

/** The GraphQL selection that covers what the reference model computes. */
export const PLAN_SUMMARY_FIELDS = `implementationRate axes { id implementationRate } periods { name }
  commitments { id axis { id } implementationRate version results nextSteps communicationActions { id }
    activities { id progress status note weight lifecycle lifecycleReason actionsDone { id } actionsNotDone { id } additionalActions { id } } }`;

type Json = Record<string, unknown> | null;
const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);
const byNumber = (a: string, b: string) => Number(a.slice(a.lastIndexOf('x') + 1)) - Number(b.slice(b.lastIndexOf('x') + 1));

/** A `plan { PLAN_SUMMARY_FIELDS }` answer in the reference model's shape. */
export function summarizeGraphqlPlan(plan: Json): ReferencePlan | undefined {
  if (!plan) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const p = plan as any;
  return {
    rate: p.implementationRate,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    axes: p.axes.map((a: any) => ({ id: a.id, rate: a.implementationRate })),
    periods: p.periods.map((x: { name: string }) => x.name),
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    commitments: p.commitments.map((c: any) => ({
      id: c.id,
      axisId: c.axis.id,
      rate: c.implementationRate,
      version: c.version,
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      activities: c.activities.map((a: any) => ({
        id: a.id,
        progress: a.progress,
        status: a.status,
        note: opt(a.note),
        weight: a.weight,
        lifecycle: a.lifecycle,
        lifecycleReason: opt(a.lifecycleReason),
        actions: [...a.actionsDone, ...a.actionsNotDone, ...a.additionalActions].map((x: { id: string }) => x.id).sort(byNumber),
      })),
      communicationActions: c.communicationActions.map((x: { id: string }) => x.id),
      results: opt(c.results),
      nextSteps: opt(c.nextSteps),
    })),
  };
}

/** Sends a domain command as its mutation (definePlan takes `id`); null/undefined fields left out. */
export function sendCommand(t: TestApp, command: PlanCommand | CommitmentCommand, effectiveAt: string | undefined) {
  const name = command.type[0].toLowerCase() + command.type.slice(1);
  const { planId, ...rest } = command.data as Record<string, unknown>;
  const input = { ...(command.type === 'DefinePlan' ? { id: planId } : { planId }), ...rest, effectiveAt };
  return mutate(t, name, Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)));
}

/** Folds a stream as the command handler does (evolve with each event's business date). */
export async function foldStream<S extends PlanState | CommitmentState>(
  store: EventStore,
  stream: string,
  kind: 'plan' | 'commitment',
): Promise<S> {
  let state: PlanState | CommitmentState = kind === 'plan' ? initialPlanState : initialCommitmentState;
  for await (const e of store.readStream(stream)) {
    const event = { type: e.type, data: e.data };
    state =
      kind === 'plan'
        ? evolvePlan(state as PlanState, event as PlanEvent)
        : evolveCommitment(state as CommitmentState, event as CommitmentEvent, { effectiveAt: String(e.metadata.effectiveAt) });
  }
  return state as S;
}

export async function readLog(store: EventStore): Promise<RecordedEvent[]> {
  const log: RecordedEvent[] = [];
  for await (const e of store.readAll()) log.push(e);
  return log;
}
