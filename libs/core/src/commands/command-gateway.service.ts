import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config';
import { ReadModelService } from '../projections/read-model.service';
import {
  ExecuteLedgerCommand,
  type CommandOptions,
  type CommandResult,
  type DomainCommand,
  type Issuer,
  type ReadModelLag,
} from './execute-ledger-command';

/**
 * Sends a command through the CommandBus, then waits (bounded) until the read models reflect the
 * write, so the caller's next read sees it.
 */
@Injectable()
export class CommandGateway {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly readModels: ReadModelService,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  async send(command: DomainCommand, issuer: Issuer, options: CommandOptions = {}, authError?: Error): Promise<CommandResult> {
    // A refused token is never silently treated as anonymous for a write.
    if (authError) throw authError;
    const result = await this.commandBus.execute(new ExecuteLedgerCommand(command, issuer, options));
    // The event is stored: from here the answer is a success. An error now would make a client
    // without a commandId retry, and write twice.
    try {
      await this.readModels.waitFor(result.position, this.config.readYourWritesTimeoutMs);
      return result;
    } catch (error) {
      const stopped = this.readModels.failure !== undefined;
      const warning: ReadModelLag = {
        code: stopped ? 'READ_MODELS_STOPPED' : 'READ_MODELS_BEHIND',
        message: `the write is stored at position ${result.position}, but ${error instanceof Error ? error.message : String(error)}; the answer shows the ${result.aggregate?.kind ?? 'entity'} as stored`,
        position: result.position.toString(),
      };
      return { ...result, warning };
    }
  }
}
