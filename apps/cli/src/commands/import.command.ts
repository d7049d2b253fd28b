import { basename } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import type { INestApplicationContext } from '@nestjs/common';
import type { ImportStep } from '@ledger/domain';
import { CLOCK, PlanImporter, PlanSnapshotService, ReadModelService, type Clock } from '@ledger/core';
import { checkPlanImport, type PlanProblem, type PlanSource } from '@ledger/plan-workbook';
import { openLedger } from '../ledger-context';
import { decidimSource, type DecidimOptions } from './decidim-source';
import { planSourceAt } from './plan-source';

export interface ImportOptions extends DecidimOptions {
  dryRun?: boolean;
  from?: string;
}

/**
 * `ledger import <plan.xlsx | folder | plan.zip | plan.json> [--dry-run]`, and
 * `ledger import --from decidim results.csv --plan ID`: checks the whole file first (a plan already
 * in the ledger is compared with it: only what changed is issued, or the differences no command can
 * express are listed) and writes nothing if anything is wrong; then issues the commands through the
 * command bus. Importing the same file again writes nothing.
 */
export async function importCommand(path: string, options: ImportOptions = {}): Promise<number> {
  if (options.from !== undefined && options.from !== 'decidim') {
    process.stderr.write(`--from must be decidim, got ${options.from}\n`);
    return 1;
  }
  const app = await openLedger();
  try {
    let source: PlanSource;
    if (options.from === 'decidim') {
      const converted = decidimSource(path, options, (id) => app.get(PlanSnapshotService).current(id));
      if ('problems' in converted) return reportProblems(path, converted.problems);
      for (const note of converted.notCarried) process.stderr.write(`  not carried over: ${note}\n`);
      source = converted.source;
    } else source = planSourceAt(path);
    const clock = app.get<Clock>(CLOCK);
    const check = await checkPlanImport(source, {
      current: (planId) => app.get(PlanSnapshotService).current(planId),
      revisionDate: clock().toISOString().slice(0, 10),
      now: clock(),
      basis: app.get(ReadModelService).position.toString(),
    });
    if (!check.ok) return reportProblems(path, check.problems);
    const planId = check.file.plan.id;
    const what = check.revision ? `revises plan ${planId}` : `creates plan ${planId}`;
    if (check.steps.length === 0) {
      process.stdout.write(`${path}: ${planId} is already in the ledger as the file describes it; nothing to write\n`);
      return 0;
    }
    if (options.dryRun) {
      process.stdout.write(
        `${path}: valid, ${what} with ${check.steps.length} commands (${countByType(check.steps)}); dry run: nothing written\n`,
      );
      return 0;
    }
    return await run(app, check.steps, path, what);
  } finally {
    await app.close();
  }
}

async function run(app: INestApplicationContext, steps: ImportStep[], path: string, what: string): Promise<number> {
  const bar = process.stdout.isTTY
    ? new SingleBar({ format: 'importing {bar} {value}/{total} commands' }, Presets.shades_classic)
    : undefined;
  bar?.start(steps.length, 0);
  const importer = app.get(PlanImporter);
  const outcome = await importer.import(steps, basename(path), (done) => bar?.update(done));
  bar?.stop();
  await importer.settle(outcome);
  process.stdout.write(
    `${outcome.planId}: ${what}: ${outcome.written} commands written, ${outcome.alreadyPresent} already in the ledger (position ${outcome.position})\n`,
  );
  return 0;
}

function reportProblems(path: string, problems: PlanProblem[]): number {
  process.stderr.write(`${path}: ${problems.length} problem(s), nothing was written:\n`);
  for (const p of problems) process.stderr.write(`  ${p.where}: ${p.message}  [${p.code} ${p.rule}]\n`);
  return 1;
}

const countByType = (steps: ImportStep[]): string =>
  Object.entries(steps.reduce<Record<string, number>>((n, s) => ({ ...n, [s.command.type]: (n[s.command.type] ?? 0) + 1 }), {}))
    .map(([type, n]) => `${n} ${type}`)
    .join(', ');
