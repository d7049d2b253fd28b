import {
  astFromValue,
  Kind,
  print,
  typeFromAST,
  valueFromASTUntyped,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLResolveInfo,
} from 'graphql';
import type { Principal } from '@ledger/domain';

/**
 * What makes two subscribers' messages identical: the topic, the document and its variables, and
 * the caller's rights (fields such as `Commitment.leads` answer by who asks). Subscribers with
 * the same key share one execution and one serialised payload per change (live-fan-out.ts).
 */
export interface SubscriptionShape {
  key: string;
  document: DocumentNode;
  /** The variables as a client sent them (execution coerces them again). */
  variables: Record<string, unknown>;
  operationName?: string;
}

export function rightsKey(principal: Principal | undefined): string {
  if (!principal?.sub) return 'anonymous';
  return JSON.stringify([principal.sub, [...principal.roles].sort()]);
}

export function subscriptionShape(topic: string, principal: Principal | undefined, info: GraphQLResolveInfo): SubscriptionShape {
  const fragments = Object.values(info.fragments).sort((a, b) => a.name.value.localeCompare(b.name.value));
  const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [info.operation, ...fragments] };
  const variables = rawVariables(info);
  const operationName = info.operation.name?.value;
  const key = JSON.stringify([topic, rightsKey(principal), operationName ?? null, print(document), variables]);
  return { key, document, variables, operationName };
}

/**
 * The resolver sees coerced variables (a DateTime is a Date); execution wants them as sent. Each is
 * written back through its type (`astFromValue` serialises scalars and enums), so coercing it
 * again gives the same value.
 */
function rawVariables(info: GraphQLResolveInfo): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const definition of info.operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (!(name in info.variableValues)) continue;
    const type = typeFromAST(info.schema, definition.type as never) as GraphQLInputType | undefined;
    const ast = type && astFromValue(info.variableValues[name], type);
    raw[name] = ast ? valueFromASTUntyped(ast) : null;
  }
  return raw;
}
