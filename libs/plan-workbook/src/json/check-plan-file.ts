import { dryRun, planFileToSteps, type ImportProblem, type ImportStep, type PlanFile } from '@ledger/domain';
import { schemaProblems } from './plan-schema-check';

export type PlanFileCheck = { ok: true; file: PlanFile; steps: ImportStep[] } | { ok: false; problems: ImportProblem[] };

/**
 * A JSON plan file into an empty ledger, checked before anything is written: JSON Schema first,
 * then every command it implies through the real deciders on an in-memory ledger.
 */
export function checkPlanFile(raw: unknown): PlanFileCheck {
  const shape = schemaProblems(raw);
  if (shape.length > 0) return { ok: false, problems: [...shape, ...domainProblemsOfInvalid(raw, shape)] };
  const file = raw as PlanFile;
  const steps = planFileToSteps(file);
  const { problems } = dryRun(steps);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, file, steps };
}

/** Domain rules still checked on a file that failed the schema, where its shape allows. */
export function domainProblemsOfInvalid(raw: unknown, known: ImportProblem[]): ImportProblem[] {
  try {
    return dryRun(planFileToSteps(raw as PlanFile)).problems.filter((p) => !known.some((k) => k.pointer === p.pointer));
  } catch {
    return []; // too malformed to derive commands from: the schema problems say why
  }
}
