import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { timeBudgetExceeded, yieldToEventLoop } from '@ledger/core';
import type { GqlContext } from './issuer';

/**
 * No request holds the event loop (docs/adr/0009): the root query fields of one request run one
 * after the other, each after the first one after a turn of the event loop (so /health/live,
 * other requests and the store's I/O are served in between), and none starts once the request's
 * time budget is used up (QUERY_TOO_COSTLY, rule timeBudget). GraphQL would otherwise start every
 * alias at once. Each root query field's resolver is wrapped in the schema, not in a Nest
 * interceptor, which would cost every field two async-hook bindings and an observable chain
 * (docs/adr/0013).
 */
export const withQueryLane =
  (timeBudgetMs: number) =>
  (schema: GraphQLSchema): GraphQLSchema =>
    mapSchema(schema, {
      [MapperKind.QUERY_ROOT_FIELD]: (field, fieldName) => ({
        ...field,
        resolve: inLane(field.resolve ?? defaultFieldResolver, fieldName, timeBudgetMs),
      }),
    });

function inLane(
  resolve: GraphQLFieldResolver<unknown, GqlContext>,
  field: string,
  budgetMs: number,
): GraphQLFieldResolver<unknown, GqlContext> {
  return async (source, args, ctx, info) => {
    const previous = ctx.lane;
    let release!: () => void;
    ctx.lane = new Promise<void>((resolveTurn) => (release = resolveTurn));
    try {
      // The request's first root field starts at once: nothing of this request ran before it, and
      // the request itself came in from I/O. The others wait for the previous one and a loop turn.
      if (previous !== undefined) {
        await previous;
        await yieldToEventLoop();
      }
      if (budgetMs > 0 && Date.now() - ctx.startedAt > budgetMs) throw timeBudgetExceeded(String(info.path.key ?? field), budgetMs);
      return await resolve(source, args, ctx, info);
    } finally {
      release();
    }
  };
}
