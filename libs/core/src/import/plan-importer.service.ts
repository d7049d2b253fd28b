import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { planIdOfCommitment, type ImportStep, type Principal } from '@ledger/domain';
import { ExecuteLedgerCommand, type CommandResult } from '../commands/execute-ledger-command';
import { ReadModelService } from '../projections/read-model.service';

export interface ImportOutcome {
  planId: string;
  steps: number;
  written: number;
  alreadyPresent: number;
  /** Log position after the import (for read-your-writes). */
  position: bigint;
}

/**
 * Issues a checked plan file's commands through the CommandBus — the same commands a coordinator
 * and leads would issue, under the importer's coordinator identity (`import:<file>`), so every
 * rule and all metadata apply. Commands carry deterministic ids:
 * importing the same file again finds them done and writes nothing.
 */
@Injectable()
export class PlanImporter {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly readModels: ReadModelService,
  ) {}

  /**
   * `as`: who the commands are recorded as written by — a coordinator uploading from the web
   * workspace; by default the importer's own identity (`import:<file>`, the command line).
   */
  async import(
    steps: readonly ImportStep[],
    source: string,
    onStep: (done: number) => void = () => undefined,
    as?: Principal,
  ): Promise<ImportOutcome> {
    const principal: Principal = as
      ? { sub: as.sub, name: as.name, roles: ['coordinator'] }
      : { sub: `import:${source}`, name: `import of ${source}`, roles: ['coordinator'] };
    let done = 0;
    let written = 0;
    let position = 0n;
    const run = async (step: ImportStep): Promise<void> => {
      const result: CommandResult = await this.commandBus.execute(
        new ExecuteLedgerCommand(step.command, { principal }, { commandId: step.commandId, effectiveAt: step.effectiveAt }),
      );
      if (!result.duplicate) written++;
      if (result.position > position) position = result.position;
      onStep(++done);
    };
    // The plan stream first (commitments need its axes), then one sequence per commitment, concurrently.
    const groups = new Map<string, ImportStep[]>();
    for (const step of steps) groups.set(step.group, [...(groups.get(step.group) ?? []), step]);
    for (const step of groups.get('plan') ?? []) await run(step);
    groups.delete('plan');
    await Promise.all(
      [...groups.values()].map(async (sequence) => {
        for (const step of sequence) await run(step);
      }),
    );
    return {
      planId: planOf(steps),
      steps: steps.length,
      written,
      alreadyPresent: steps.length - written,
      position,
    };
  }

  /** Waits until the read models show the import. */
  async settle(outcome: ImportOutcome, timeoutMs = 30_000): Promise<void> {
    if (outcome.position > 0n) await this.readModels.waitFor(outcome.position, timeoutMs);
  }
}

/** The plan a list of steps is about (a revision has no DefinePlan step). */
function planOf(steps: readonly ImportStep[]): string {
  const data = steps[0]?.command.data as { planId?: string; commitmentId?: string } | undefined;
  return data?.planId ?? (data?.commitmentId ? planIdOfCommitment(data.commitmentId) : '');
}
