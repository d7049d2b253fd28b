import {
  commitmentIdOf, decideCommitment, decidePlan, evolveCommitment, evolvePlan, initialCommitmentState,
  initialPlanState, streamName, type CommitmentCommand, type CommitmentEvent, type CommitmentState,
  type LedgerEvent, type PlanCommand, type PlanEvent, type PlanState,
} from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';
import type { DomainCommand } from './execute-ledger-command';

const PLAN_COMMANDS = new Set<string>(['DefinePlan', 'AddAxis', 'CloseReportingPeriod']);

export const isPlanCommand = (c: DomainCommand): c is PlanCommand => PLAN_COMMANDS.has(c.type);

/** The stream a command writes to, and the plan or commitment id it addresses. */
export function targetOf(command: DomainCommand): { stream: string; aggregateId: string } {
  if (isPlanCommand(command)) return { stream: streamName('plan', command.data.planId), aggregateId: command.data.planId };
  const id = command.type === 'RegisterCommitment' ? commitmentIdOf(command.data.planId, command.data.number) : command.data.commitmentId;
  return { stream: streamName('commitment', id), aggregateId: id };
}

export const foldPlan = (state: PlanState, e: RecordedEvent): PlanState => evolvePlan(state, { type: e.type, data: e.data } as PlanEvent);
export const foldCommitment = (state: CommitmentState, e: RecordedEvent): CommitmentState =>
  evolveCommitment(state, { type: e.type, data: e.data } as CommitmentEvent, { effectiveAt: e.metadata.effectiveAt as string | undefined });

export { decideCommitment, decidePlan, initialCommitmentState, initialPlanState };
export type { CommitmentCommand, LedgerEvent, PlanCommand };
