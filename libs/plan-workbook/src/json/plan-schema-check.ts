import Ajv, { type ErrorObject } from 'ajv';
import type { ImportProblem } from '@ledger/domain';
import schema from '../../../../data/plans/plan.schema.json';

let compiled: ReturnType<Ajv['compile']> | undefined;

/** JSON Schema keywords → the rule names the API's errors use (libs/ledger checks). */
const RULES: Record<string, string> = {
  required: 'required',
  dependencies: 'required',
  additionalProperties: 'unknownField',
  type: 'type',
  minimum: 'range',
  maximum: 'range',
  exclusiveMinimum: 'positive',
  minLength: 'notEmpty',
  minItems: 'required',
  enum: 'enum',
  pattern: 'pattern',
  uniqueItems: 'unique',
};

function fromAjv(e: ErrorObject): ImportProblem {
  const params = e.params as Record<string, unknown>;
  const rule = RULES[e.keyword] ?? e.keyword;
  const code = 'VALIDATION_FAILED';
  if (e.keyword === 'required')
    return {
      pointer: `${e.instancePath}/${String(params.missingProperty)}`,
      code,
      message: `${String(params.missingProperty)} is required`,
      rule,
    };
  if (e.keyword === 'dependencies')
    return {
      pointer: `${e.instancePath}/${String(params.missingProperty)}`,
      code,
      message: `${String(params.missingProperty)} is required when ${String(params.property)} is given`,
      rule,
    };
  if (e.keyword === 'additionalProperties')
    return {
      pointer: `${e.instancePath}/${String(params.additionalProperty)}`,
      code,
      message: `${String(params.additionalProperty)} is not an accepted field`,
      rule,
    };
  const field = e.instancePath.split('/').pop() || 'value';
  const got = ['minimum', 'maximum', 'exclusiveMinimum', 'type', 'enum', 'pattern'].includes(e.keyword)
    ? `, got ${JSON.stringify(e.data)}`
    : '';
  return { pointer: e.instancePath || '/', code, message: `${field} ${e.message ?? 'is invalid'}${got}`, rule };
}

/** The plan file's shape (data/plans/plan.schema.json): every problem, by JSON pointer. */
export function schemaProblems(raw: unknown): ImportProblem[] {
  compiled ??= new Ajv({ allErrors: true, strict: true, verbose: true }).compile(schema);
  return compiled(raw) ? [] : (compiled.errors ?? []).map(fromAjv);
}
