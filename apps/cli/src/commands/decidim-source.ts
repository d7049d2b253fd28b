import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { LedgerPlanSnapshot } from '@ledger/domain';
import { ledgerToPlan, overlayPlan, readDecidimResults, PlanFileRefused, type PlanProblem, type PlanSource } from '@ledger/plan-workbook';

export interface DecidimOptions {
  plan?: string;
  lang?: string;
  asOf?: string;
  title?: string;
  country?: string;
  period?: string;
  start?: string;
  leadOrganisation?: string;
}

/**
 * A Decidim results CSV as a plan source: for a plan already in the ledger, laid over what the
 * ledger holds (so only Decidim's changes are issued); otherwise a new plan.
 */
export function decidimSource(
  path: string,
  options: DecidimOptions,
  current: (planId: string) => LedgerPlanSnapshot | undefined,
): { source: PlanSource; notCarried: string[] } | { problems: PlanProblem[] } {
  if (!options.plan)
    return {
      problems: [
        {
          where: path,
          place: { file: path },
          code: 'VALIDATION_FAILED',
          rule: 'required',
          message: '--plan <id> is required with --from decidim',
        },
      ],
    };
  const snapshot = current(options.plan);
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  try {
    const read = readDecidimResults(
      readFileSync(path),
      basename(path),
      { ...options, planId: options.plan, lang: options.lang ?? 'fr', asOf },
      snapshot,
    );
    if ('problems' in read) return read;
    const file = snapshot ? overlayPlan(ledgerToPlan(snapshot, asOf).file, read.file) : read.file;
    return { source: { kind: 'plan', file }, notCarried: read.notCarried };
  } catch (error) {
    if (error instanceof PlanFileRefused) return { problems: error.problems };
    throw error;
  }
}
