import { Command } from '@nestjs/cqrs';
import type { AccessCommand, CommitmentCommand, CommitmentState, PlanCommand, PlanState, Principal } from '@ledger/domain';

export type DomainCommand = PlanCommand | CommitmentCommand | AccessCommand;

/** Who issues a command: a verified principal (or anonymous), and the request's correlation id. */
export interface Issuer {
  principal: Principal;
  correlationId?: string;
}

export interface CommandOptions {
  /** Idempotency key: the same id with the same payload returns the first result, writes nothing. */
  commandId?: string;
  /** Optimistic lock: the stream's version (number of events) the caller last saw. */
  expectedVersion?: number;
  /** Business date of the fact (ISO 8601); defaults to the time of recording. */
  effectiveAt?: string;
}

export interface CommandResult {
  stream: string;
  /** Number of events in the stream after the write. */
  version: number;
  /** Log position of the last event written (or of the original write, for a retry). */
  position: bigint;
  /** The plan or commitment id the command touched. */
  aggregateId: string;
  /** True when an identical earlier command was found and nothing new was written. */
  duplicate: boolean;
  /**
   * The plan or commitment as the store has it after the write (not as the read models have it):
   * what the answer shows when the read models lag behind the write.
   */
  aggregate?: AggregateSnapshot;
  /** Set by the gateway when the write is stored but the read models did not reach it. */
  warning?: ReadModelLag;
}

export type AggregateSnapshot =
  { kind: 'plan'; state: PlanState; version: number } | { kind: 'commitment'; state: CommitmentState; version: number };

/** The write is stored; the read models are behind it (still catching up) or stopped (a projection failed). */
export interface ReadModelLag {
  code: 'READ_MODELS_BEHIND' | 'READ_MODELS_STOPPED';
  message: string;
  position: string;
}

/** The one command message on the CommandBus: a typed domain command plus its envelope. */
export class ExecuteLedgerCommand extends Command<CommandResult> {
  constructor(
    readonly command: DomainCommand,
    readonly issuer: Issuer,
    readonly options: CommandOptions = {},
  ) {
    super();
  }
}
