import { GraphQLError, NoSchemaIntrospectionCustomRule, type ValidationRule } from 'graphql';

/**
 * GraphQL limits (OWASP GraphQL cheat sheet); the numbers live here. The cost budget is a setting
 * (LEDGER_QUERY_MAX_COST), checked with the request's arguments before execution: request-gate.ts.
 */
export const GRAPHQL_LIMITS = {
  maxDepth: 12,
  maxAliases: 30,
  bodyLimitBytes: 256 * 1024,
} as const;

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
 * functions would disable that). The cost check needs the request's variables and caller, so it
 * runs in the preExecution hook instead (request-gate.ts).
 */
export function validationRules(production: boolean): ValidationRule[] {
  return [maxAliasesRule, ...(production ? [NoSchemaIntrospectionCustomRule] : [])];
}
