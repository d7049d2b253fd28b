import { writeFileSync } from 'node:fs';
import { SHEETS, TEMPLATE_VERSION, writeXlsx } from '@ledger/plan-workbook';

/** `ledger template --out plan.xlsx`: the empty plan workbook (headers with notes, data validation). */
export async function templateCommand(options: { out: string }): Promise<number> {
  if (options.out.toLowerCase().endsWith('.csv')) {
    process.stderr.write('--out names an .xlsx file (the CSV sheets come from export-plan --format csv)\n');
    return 1;
  }
  writeFileSync(options.out, await writeXlsx());
  process.stderr.write(
    `wrote ${options.out}: plan workbook template version ${TEMPLATE_VERSION} (sheets ${SHEETS.map((s) => s.name).join(', ')})\n`,
  );
  return 0;
}
