import {
  evolveAccess,
  initialAccessState,
  planIdOfCommitment,
  type AccessCommand,
  type AccessEvent,
  type AccessState,
  commitmentIdOf,
  decideCommitment,
  decidePlan,
  evolveCommitment,
  evolvePlan,
  initialCommitmentState,
  initialPlanState,
  streamName,
  type CommitmentCommand,
  type CommitmentEvent,
  type CommitmentState,
  type LedgerEvent,
  type PlanCommand,
  type PlanEvent,
  type PlanState,
} from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';
import type { DomainCommand } from './execute-ledger-command';

const PLAN_COMMANDS = new Set<string>(['DefinePlan', 'AddAxis', 'CloseReportingPeriod']);
const ACCESS_COMMANDS = new Set<string>(['AssignLead', 'RevokeLead']);

export const isPlanCommand = (c: DomainCommand): c is PlanCommand => PLAN_COMMANDS.has(c.type);
export const isAccessCommand = (c: DomainCommand): c is AccessCommand => ACCESS_COMMANDS.has(c.type);

/** The commitment a command is about, if any (what lead authorisation is checked against). */
export function commitmentOf(command: DomainCommand): string | undefined {
  if (isPlanCommand(command)) return undefined;
  return command.type === 'RegisterCommitment' ? commitmentIdOf(command.data.planId, command.data.number) : command.data.commitmentId;
}

/** The stream a command writes to, and the plan or commitment id it addresses. */
export function targetOf(command: DomainCommand): { stream: string; aggregateId: string } {
  if (isPlanCommand(command)) return { stream: streamName('plan', command.data.planId), aggregateId: command.data.planId };
  const id = commitmentOf(command)!;
  // Lead assignments live in the plan's access stream; the payload shows the commitment.
  if (isAccessCommand(command)) return { stream: accessStreamOf(id), aggregateId: id };
  return { stream: streamName('commitment', id), aggregateId: id };
}

export const accessStreamOf = (commitmentId: string): string => streamName('access', planIdOfCommitment(commitmentId));

export const foldAccess = (state: AccessState, e: RecordedEvent): AccessState =>
  evolveAccess(state, { type: e.type, data: e.data } as AccessEvent);
export { initialAccessState };

export const foldPlan = (state: PlanState, e: RecordedEvent): PlanState => evolvePlan(state, { type: e.type, data: e.data } as PlanEvent);
export const foldCommitment = (state: CommitmentState, e: RecordedEvent): CommitmentState =>
  evolveCommitment(state, { type: e.type, data: e.data } as CommitmentEvent, { effectiveAt: e.metadata.effectiveAt as string | undefined });

export { decideCommitment, decidePlan, initialCommitmentState, initialPlanState };
export type { CommitmentCommand, LedgerEvent, PlanCommand };
