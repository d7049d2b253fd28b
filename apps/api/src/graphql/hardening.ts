import {
  GraphQLError,
  Kind,
  NoSchemaIntrospectionCustomRule,
  specifiedRules,
  validate,
  type ASTNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
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

/**
 * Each field costs 1; a list multiplies what is selected under it. Introspection costs nothing
 * (it reads the schema, not the ledger; production refuses it outright).
 */
export function listAwareEstimator({ field, childComplexity }: ComplexityEstimatorArgs): number {
  if (field.name.startsWith('__')) return 0;
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
 * Refuses an operation nested deeper than the limit. Introspection (`__schema`, `__type`) is not
 * counted: GraphiQL's own introspection query is 13 levels deep, and introspection is refused
 * outright in production.
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
        const fragment = fragments.get(sel.name.value);
        max = Math.max(max, depthOf(fragment?.selectionSet, new Set([...seen, sel.name.value])));
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
 * functions would disable that). The cost check needs the request's variables, so it runs in the
 * preExecution hook below instead.
 */
export function validationRules(production: boolean): ValidationRule[] {
  return [maxDepthRule, maxAliasesRule, ...(production ? [NoSchemaIntrospectionCustomRule] : [])];
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

/**
 * Subscriptions skip GraphQL validation in Mercurius (graphql-js `subscribe` does not validate):
 * this runs the same rules before one starts. (Its hook sees no variables: the cost is checked by
 * the subscription resolver, `checkSubscriptionCost`.)
 */
export function checkSubscription(schema: GraphQLSchema, document: DocumentNode, production: boolean): void {
  const errors = validate(schema, document, [...specifiedRules, ...validationRules(production)]);
  if (errors.length > 0) {
    throw LedgerError.validation(errors.map((e) => ({ field: 'query', rule: 'valid', message: e.message })));
  }
}

/** The cost limit for a subscription, from its resolver's info (which has the variables). */
export function checkSubscriptionCost(info: GraphQLResolveInfo): Promise<void> {
  const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [info.operation, ...Object.values(info.fragments)] };
  return costLimitHook(info.schema, document, undefined, info.variableValues);
}
