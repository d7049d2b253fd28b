import {
  GraphQLError,
  Kind,
  NoSchemaIntrospectionCustomRule,
  specifiedRules,
  validate,
  type ASTNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import { LedgerError } from '@ledger/domain';

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
 * Refuses an operation nested deeper than the limit (Mercurius's own `queryDepth` is off). The
 * introspection fields (`__schema`, `__type`) are not counted: GraphiQL's own introspection query is
 * 13 levels deep, and production refuses introspection outright.
 */
export const maxDepthRule: ValidationRule = (context) => {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const depthOf = (set: SelectionSetNode | undefined, seen: Set<string>): number => {
    if (!set) return 0;
    let max = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value.startsWith('__')) continue;
        max = Math.max(max, 1 + depthOf(sel.selectionSet, seen));
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        max = Math.max(max, depthOf(sel.selectionSet, seen));
      } else if (!seen.has(sel.name.value)) {
        max = Math.max(max, depthOf(fragments.get(sel.name.value)?.selectionSet, new Set([...seen, sel.name.value])));
      }
    }
    return max;
  };
  return {
    OperationDefinition(node) {
      const depth = depthOf(node.selectionSet, new Set()) - 1; // the root field is depth 0, as Mercurius counted
      if (depth > GRAPHQL_LIMITS.maxDepth) {
        const name = node.name?.value ?? 'the operation';
        context.reportError(
          new GraphQLError(`${name} exceeds the query depth limit of ${GRAPHQL_LIMITS.maxDepth} (depth ${depth})`, {
            nodes: [node as ASTNode],
          }),
        );
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
  return [maxDepthRule, maxAliasesRule, ...(production ? [NoSchemaIntrospectionCustomRule] : [])];
}

/**
 * Subscriptions skip GraphQL validation in Mercurius (graphql-js `subscribe` does not validate):
 * this runs the same rules before one starts. (That hook sees no variables: the cost is checked
 * by the subscription resolver, live/subscription-cost.ts.)
 */
export function checkSubscription(schema: GraphQLSchema, document: DocumentNode, production: boolean): void {
  const errors = validate(schema, document, [...specifiedRules, ...validationRules(production)]);
  if (errors.length > 0) {
    throw LedgerError.validation(errors.map((e) => ({ field: 'query', rule: 'valid', message: e.message })));
  }
}
