import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { sourceOf, type PlanSource } from '@ledger/plan-workbook';

/** What `ledger import` was given: a folder of CSV files, or one file (XLSX, CSV zip, JSON) read whole. */
export function planSourceAt(path: string): PlanSource {
  if (statSync(path).isDirectory()) {
    const files = new Map(
      readdirSync(path)
        .filter((name) => name.toLowerCase().endsWith('.csv'))
        .map((name) => [name, readFileSync(join(path, name))] as const),
    );
    return { kind: 'csv-files', files };
  }
  return sourceOf(basename(path), readFileSync(path));
}
