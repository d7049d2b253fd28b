import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { canonicalJson } from '@ledger/canonical-json';
import {
  authorize,
  checks,
  decideAccess,
  decideEffectiveAt,
  EVENT_SCHEMA_VERSIONS,
  LedgerError,
  streamName,
  type AccessState,
  type CommitmentState,
  type EffectiveDateRequest,
  type EventMetadata,
  type PlanState,
  type LedgerEvent,
  type Role,
} from '@ledger/domain';
import { EVENT_STORE, isStoreError, type EventStore, type NewEvent, type RecordedEvent } from '@ledger/event-store';
import { toLedgerError } from '../store/store-errors';
import { AggregateCache, type LoadedStream } from './aggregate-cache';
import {
  accessStreamOf,
  commitmentOf,
  decideCommitment,
  decidePlan,
  foldAccess,
  foldCommitment,
  foldPlan,
  initialAccessState,
  initialCommitmentState,
  initialPlanState,
  isAccessCommand,
  isPlanCommand,
  targetOf,
} from './aggregates';
import { deterministicUuid, sha256 } from './command-ids';
import { CLOCK, type Clock } from './clock';
import { AUTO_COMMAND_ID_PREFIX, ReadModelService } from '../projections/read-model.service';
import {
  ExecuteLedgerCommand,
  type AggregateSnapshot,
  type CommandOptions,
  type CommandResult,
  type DomainCommand,
} from './execute-ledger-command';

const MAX_ATTEMPTS = 200;

/**
 * Load the stream → decide → append with the expected revision. Without `expectedVersion` a
 * conflict means someone else wrote first: re-decide against the fresh state and try again.
 * With it, the conflict goes back to the caller with the current version.
 */
@CommandHandler(ExecuteLedgerCommand)
export class LedgerCommandHandler implements ICommandHandler<ExecuteLedgerCommand, CommandResult> {
  private readonly cache: AggregateCache;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly readModels: ReadModelService,
  ) {
    this.cache = new AggregateCache(store);
  }

  async execute(message: ExecuteLedgerCommand): Promise<CommandResult> {
    // GraphQL sends an omitted optional field as null: null means "not given" (no band, no lock…).
    const command = { ...message.command, data: withoutNulls(message.command.data) } as DomainCommand;
    const options = withoutNulls(message.options);
    const issuer = message.issuer;
    const now = this.clock();
    const role = await this.authorize(command, issuer);
    validateOptions(options, now);
    const { stream, aggregateId } = targetOf(command);
    const commandId = options.commandId ?? `${AUTO_COMMAND_ID_PREFIX}${randomUUID()}`;
    const commandHash = sha256(canonicalJson({ type: command.type, data: command.data, effectiveAt: options.effectiveAt }));

    for (let attempt = 1; ; attempt++) {
      const loaded = await this.load(command, stream);
      const prior = options.commandId === undefined ? undefined : loaded.commands.get(commandId);
      if (prior) {
        if (prior.hash !== commandHash) {
          throw LedgerError.illegalState(
            `commandId "${commandId}" was already used for a different ${command.type} payload; use a new commandId`,
            { commandId, field: 'commandId' },
          );
        }
        const aggregate = await this.snapshot(command, loaded.state, loaded.revision);
        return { stream, aggregateId, version: Number(prior.lastRevision) + 1, position: prior.position, duplicate: true, aggregate };
      }
      const elsewhere = options.commandId === undefined ? undefined : this.readModels.streamOfCommand(commandId);
      if (!prior && elsewhere !== undefined && elsewhere !== stream) {
        throw LedgerError.illegalState(`commandId "${commandId}" was already used for a command on "${elsewhere}"; use a new commandId`, {
          commandId,
          field: 'commandId',
        });
      }
      const currentVersion = Number(loaded.revision) + 1;
      if (options.expectedVersion !== undefined && options.expectedVersion !== currentVersion) {
        throw conflict(stream, options.expectedVersion, currentVersion);
      }
      const events = await this.decide(command, loaded.state);
      const recordedAt = now.toISOString();
      const metadata: EventMetadata = {
        schemaVersion: 0,
        actor: issuer.principal.sub!,
        role,
        commandId,
        commandHash,
        correlationId: issuer.correlationId ?? commandId,
        causationId: commandId,
        recordedAt,
        effectiveAt: this.effectiveAt(command, loaded.state, { requested: options.effectiveAt, recordedAt }),
      };
      const toAppend: NewEvent[] = events.map((e, i) => ({
        id: options.commandId === undefined ? randomUUID() : deterministicUuid(`${stream}/${commandId}/${i}`),
        type: e.type,
        data: JSON.parse(JSON.stringify(e.data)),
        metadata: { ...metadata, schemaVersion: EVENT_SCHEMA_VERSIONS[e.type] },
      }));
      try {
        const result = await this.store.append(stream, toAppend, loaded.revision < 0n ? 'no_stream' : loaded.revision);
        const fold = this.foldOf(command);
        const after = toAppend.reduce((state, e) => fold(state, e as unknown as RecordedEvent), loaded.state);
        const aggregate = await this.snapshot(command, after, result.nextRevision);
        return { stream, aggregateId, version: Number(result.nextRevision) + 1, position: result.position, duplicate: false, aggregate };
      } catch (error) {
        if (!isStoreError(error, 'CONCURRENCY_CONFLICT')) throw toLedgerError(error);
        const actual = Number(error.details.currentRevision ?? -1) + 1;
        if (options.expectedVersion !== undefined) throw conflict(stream, options.expectedVersion, actual);
        if (attempt >= MAX_ATTEMPTS) throw conflict(stream, currentVersion, actual);
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(50, attempt * 2)));
      }
    }
  }

  /** Checked against fresh assignments from the ledger, before anything else (the access rule is in libs/ledger). */
  private async authorize(command: DomainCommand, issuer: ExecuteLedgerCommand['issuer']): Promise<Role> {
    const commitmentId = commitmentOf(command);
    let access: AccessState = initialAccessState;
    if (commitmentId && issuer.principal.sub && !issuer.principal.roles.includes('coordinator')) {
      access = (await this.cache.load(accessStreamOf(commitmentId), initialAccessState, foldAccess)).state;
    }
    return authorize(command.type, issuer.principal, { commitmentId, access });
  }

  /** The business date of the events: a domain rule for commitment commands (ADR 0007). */
  private effectiveAt(command: DomainCommand, state: unknown, request: EffectiveDateRequest): string {
    if (isPlanCommand(command) || isAccessCommand(command)) return new Date(request.requested ?? request.recordedAt).toISOString();
    return decideEffectiveAt(command, state as typeof initialCommitmentState, request);
  }

  /** The written aggregate as stored: a lead assignment shows its commitment (read from its own stream). */
  private async snapshot(command: DomainCommand, state: unknown, revision: bigint): Promise<AggregateSnapshot> {
    if (isPlanCommand(command)) return { kind: 'plan', state: state as PlanState, version: Number(revision) + 1 };
    if (isAccessCommand(command)) {
      const commitment = await this.cache.load(streamName('commitment', command.data.commitmentId), initialCommitmentState, foldCommitment);
      return { kind: 'commitment', state: commitment.state, version: Number(commitment.revision) + 1 };
    }
    return { kind: 'commitment', state: state as CommitmentState, version: Number(revision) + 1 };
  }

  private foldOf(command: DomainCommand): (state: unknown, event: RecordedEvent) => unknown {
    if (isPlanCommand(command)) return foldPlan as (state: unknown, event: RecordedEvent) => unknown;
    if (isAccessCommand(command)) return foldAccess as (state: unknown, event: RecordedEvent) => unknown;
    return foldCommitment as (state: unknown, event: RecordedEvent) => unknown;
  }

  private load(command: DomainCommand, stream: string): Promise<LoadedStream<unknown>> {
    if (isPlanCommand(command)) return this.cache.load(stream, initialPlanState, foldPlan);
    if (isAccessCommand(command)) return this.cache.load(stream, initialAccessState, foldAccess);
    return this.cache.load(stream, initialCommitmentState, foldCommitment);
  }

  private async decide(command: DomainCommand, state: unknown): Promise<LedgerEvent[]> {
    if (isPlanCommand(command)) return decidePlan(command, state as typeof initialPlanState);
    if (isAccessCommand(command)) {
      const commitment = await this.cache.load(streamName('commitment', command.data.commitmentId), initialCommitmentState, foldCommitment);
      return decideAccess(command, state as AccessState, commitment.state);
    }
    const plan =
      command.type === 'RegisterCommitment'
        ? (await this.cache.load(streamName('plan', command.data.planId), initialPlanState, foldPlan)).state
        : undefined;
    return decideCommitment(command, state as typeof initialCommitmentState, { plan });
  }
}

function withoutNulls<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null)) as T;
}

function validateOptions(options: CommandOptions, now: Date): void {
  checks()
    .shortText('commandId', options.commandId, false)
    .rule(
      options.expectedVersion === undefined || (Number.isInteger(options.expectedVersion) && options.expectedVersion >= 0),
      'expectedVersion',
      'integer',
      `expectedVersion must be an integer ≥ 0, got ${options.expectedVersion}`,
    )
    // Clock skew between a client and the server: a minute.
    .effectiveDate('effectiveAt', options.effectiveAt, new Date(now.getTime() + 60_000))
    .throwIfAny();
}

function conflict(stream: string, expectedVersion: number, currentVersion: number): LedgerError {
  return new LedgerError(
    'CONCURRENCY_CONFLICT',
    `expectedVersion was ${expectedVersion} but "${stream}" is at version ${currentVersion}; reload and retry`,
    { stream, expectedVersion, currentVersion },
  );
}
