import { basename } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { PlanImporter, checkPlanFile, readPlanFile } from '@ledger/core';
import { openLedger } from '../ledger-context';

/**
 * `ledger import <file>`: checks the whole file first and writes nothing if anything is wrong;
 * then issues its commands (idempotent: a second import writes nothing).
 */
export async function importCommand(file: string, options: { dryRun?: boolean }): Promise<number> {
  const check = checkPlanFile(readPlanFile(file));
  if (!check.ok) {
    process.stderr.write(`${file}: ${check.problems.length} problem(s), nothing was written:\n`);
    for (const p of check.problems) process.stderr.write(`  ${p.pointer || '/'}  ${p.message}  [${p.code}]\n`);
    return 1;
  }
  if (options.dryRun) {
    process.stdout.write(`${file}: valid, ${check.steps.length} commands (dry run: nothing written)\n`);
    return 0;
  }
  const app = await openLedger();
  try {
    const bar = process.stdout.isTTY
      ? new SingleBar({ format: 'importing {bar} {value}/{total} commands' }, Presets.shades_classic)
      : undefined;
    bar?.start(check.steps.length, 0);
    const importer = app.get(PlanImporter);
    const outcome = await importer.import(check.steps, basename(file), (done) => bar?.update(done));
    bar?.stop();
    await importer.settle(outcome);
    process.stdout.write(
      `${outcome.planId}: ${outcome.written} commands written, ${outcome.alreadyPresent} already in the ledger (position ${outcome.position})\n`,
    );
    return 0;
  } finally {
    await app.close();
  }
}
