import { GraphQLError, NoSchemaIntrospectionCustomRule, getNullableType, isListType, type ValidationRule } from 'graphql';
import { createComplexityRule, type ComplexityEstimatorArgs } from 'graphql-query-complexity';

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
 * functions would disable that). Cost is estimated without variables: @skip/@include count as
 * included, so the estimate errs on the expensive side.
 */
export function validationRules(production: boolean): ValidationRule[] {
  return [
    maxAliasesRule,
    createComplexityRule({
      maximumComplexity: GRAPHQL_LIMITS.maxComplexity,
      estimators: [listAwareEstimator],
      variables: {},
      createError: (max, actual) => new GraphQLError(`query is too expensive: estimated cost ${actual} exceeds ${max}`),
    }),
    ...(production ? [NoSchemaIntrospectionCustomRule] : []),
  ];
}
