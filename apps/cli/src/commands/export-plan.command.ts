import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LedgerError } from '@ledger/domain';
import { PlanSnapshotService } from '@ledger/core';
import { ledgerToPlan, planToRows, writeCsvFiles, writeDecidimResults, writeXlsx, writeZip } from '@ledger/plan-workbook';
import { openLedger } from '../ledger-context';

export interface ExportPlanOptions {
  plan: string;
  format: string;
  asOf?: string;
  out?: string;
  lang?: string;
}

const FORMATS = ['xlsx', 'csv', 'decidim', 'json'];

/**
 * `ledger export-plan --plan ID --format xlsx|csv|decidim|json [--as-of DATE] [--out PATH]`: the plan
 * as the ledger holds it (or as effective at the end of a day), in the workbook the import reads
 * — export, edit, import issues only what changed. CSV: a folder, or a zip when PATH ends in .zip.
 */
export async function exportPlanCommand(options: ExportPlanOptions): Promise<number> {
  if (!FORMATS.includes(options.format)) {
    process.stderr.write(`--format must be one of ${FORMATS.join(', ')}, got ${options.format}\n`);
    return 1;
  }
  if (options.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.asOf)) {
    process.stderr.write(`--as-of must be a date YYYY-MM-DD, got ${options.asOf}\n`);
    return 1;
  }
  const app = await openLedger();
  try {
    const found = await app.get(PlanSnapshotService).at(options.plan, options.asOf);
    if (!found) throw LedgerError.notFound('plan', options.plan, 'plan');
    const { file, computed } = ledgerToPlan(found.snapshot, found.planEffectiveAt);
    const out = options.out ?? defaultOut(options);
    if (options.format === 'xlsx') writeFileSync(out, await writeXlsx(planToRows(file, computed)));
    else if (options.format === 'json') writeFileSync(out, `${JSON.stringify({ $schema: './plan.schema.json', ...file }, null, 2)}\n`);
    else if (options.format === 'decidim') {
      const { csv, notCarried } = writeDecidimResults(file, computed, options.lang ?? 'fr');
      writeFileSync(out, csv);
      for (const note of notCarried) process.stderr.write(`  not carried over to Decidim: ${note}\n`);
    } else {
      const files = writeCsvFiles(planToRows(file, computed));
      if (out.toLowerCase().endsWith('.zip')) writeFileSync(out, writeZip(files));
      else {
        mkdirSync(out, { recursive: true });
        for (const [name, text] of files) writeFileSync(join(out, name), text);
      }
    }
    process.stderr.write(
      `wrote ${out} (plan ${options.plan}${options.asOf ? ` as of ${options.asOf}` : ''}, log position ${found.position})\n`,
    );
    return 0;
  } finally {
    await app.close();
  }
}

function defaultOut({ plan, format, asOf }: ExportPlanOptions): string {
  const base = `${plan}${asOf ? `-${asOf}` : ''}`;
  return format === 'csv' ? `${base}-csv` : format === 'decidim' ? `${base}-decidim.csv` : `${base}.${format}`;
}
