import { readFileSync } from 'node:fs';
import Ajv, { type ErrorObject } from 'ajv';
import { dryRun, planFileToSteps, type ImportProblem, type ImportStep, type PlanFile } from '@ledger/domain';
import { planSchemaFile } from './repo-root';

export type PlanFileCheck = { ok: true; file: PlanFile; steps: ImportStep[] } | { ok: false; problems: ImportProblem[] };

let compiled: ReturnType<Ajv['compile']> | undefined;

function schemaValidator(): ReturnType<Ajv['compile']> {
  compiled ??= new Ajv({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(planSchemaFile(), 'utf8')));
  return compiled;
}

function fromAjv(e: ErrorObject): ImportProblem {
  const params = e.params as Record<string, unknown>;
  if (e.keyword === 'required')
    return {
      pointer: `${e.instancePath}/${String(params.missingProperty)}`,
      code: 'VALIDATION_FAILED',
      message: `${String(params.missingProperty)} is required`,
    };
  if (e.keyword === 'additionalProperties')
    return {
      pointer: `${e.instancePath}/${String(params.additionalProperty)}`,
      code: 'VALIDATION_FAILED',
      message: `${String(params.additionalProperty)} is not an accepted field`,
    };
  const field = e.instancePath.split('/').pop() || 'value';
  return { pointer: e.instancePath || '/', code: 'VALIDATION_FAILED', message: `${field} ${e.message ?? 'is invalid'}` };
}

/**
 * The whole file is checked before anything is written: JSON Schema first, then every command it
 * implies is run through the real deciders on an in-memory ledger. Every problem is reported.
 */
export function checkPlanFile(raw: unknown): PlanFileCheck {
  const validate = schemaValidator();
  if (!validate(raw)) {
    const schemaProblems = (validate.errors ?? []).map(fromAjv);
    return { ok: false, problems: [...schemaProblems, ...domainProblemsOfInvalid(raw, schemaProblems)] };
  }
  const file = raw as PlanFile;
  const steps = planFileToSteps(file);
  const { problems } = dryRun(steps);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, file, steps };
}

/** Domain rules still checked on a file that failed the schema, where its shape allows. */
function domainProblemsOfInvalid(raw: unknown, known: ImportProblem[]): ImportProblem[] {
  try {
    return dryRun(planFileToSteps(raw as PlanFile)).problems.filter((p) => !known.some((k) => k.pointer === p.pointer));
  } catch {
    return []; // too malformed to derive commands from: the schema problems say why
  }
}

export function readPlanFile(path: string): unknown {
  const text = readFileSync(path, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not valid JSON: ${(error as Error).message}`);
  }
}
