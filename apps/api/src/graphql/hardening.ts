import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  getNullableType,
  isListType,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { LedgerError } from '@ledger/domain';

/** GraphQL limits (OWASP GraphQL cheat sheet); the numbers live here. */
export const GRAPHQL_LIMITS = {
  maxDepth: 12,
  maxAliases: 30,
  maxComplexity: 50_000,
  /** Assumed length of a list field when estimating cost. */
  listFactor: 10,
  bodyLimitBytes: 256 * 1024,
} as const;

/** Each field costs 1; a list multiplies what is selected under it. */
export function listAwareEstimator({ field, childComplexity }: ComplexityEstimatorArgs): number {
  return 1 + childComplexity * (isListType(getNullableType(field.type)) ? GRAPHQL_LIMITS.listFactor : 1);
}

export const maxAliasesRule: ValidationRule = (context) => {
  let aliases = 0;
  return {
    Field(node) {
      if (node.alias && ++aliases === GRAPHQL_LIMITS.maxAliases + 1) {
        context.reportError(new GraphQLError(`query uses more than ${GRAPHQL_LIMITS.maxAliases} aliases`, { nodes: [node] }));
      }
    },
  };
};

/**
 * A static list (Mercurius caches validated queries, which the JIT needs; per-request rule
 * functions would disable that). The cost check needs the request's variables, so it runs in the
 * preExecution hook below instead.
 */
export function validationRules(production: boolean): ValidationRule[] {
  return [maxAliasesRule, ...(production ? [NoSchemaIntrospectionCustomRule] : [])];
}

/** Mercurius preExecution hook: refuses an operation whose estimated cost is over the limit. */
export async function costLimitHook(
  schema: GraphQLSchema,
  document: DocumentNode,
  _context: unknown,
  variables?: Record<string, unknown>,
): Promise<void> {
  const cost = getComplexity({ schema, query: document, variables: variables ?? {}, estimators: [listAwareEstimator] });
  if (cost > GRAPHQL_LIMITS.maxComplexity) {
    throw LedgerError.validation([
      {
        field: 'query',
        rule: 'maxComplexity',
        message: `query is too expensive: estimated cost ${cost} exceeds ${GRAPHQL_LIMITS.maxComplexity}`,
      },
    ]);
  }
}
