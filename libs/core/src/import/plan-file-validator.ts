import { readFileSync } from 'node:fs';

// The checks live in libs/plan-workbook (shared by the CLI, the API and the workbook import).
export { checkPlanFile, type PlanFileCheck } from '@ledger/plan-workbook';

export function readPlanFile(path: string): unknown {
  const text = readFileSync(path, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not valid JSON: ${(error as Error).message}`);
  }
}
