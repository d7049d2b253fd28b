import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { from, mergeMap, finalize, type Observable } from 'rxjs';
import { LEDGER_CONFIG, timeBudgetExceeded, yieldToEventLoop, type LedgerConfig } from '@ledger/core';
import type { GqlContext } from './issuer';

/**
 * No request holds the event loop: the root query fields of one request run one after the other,
 * each after a turn of the event loop (so /health/live, other requests and the store's I/O are
 * served in between), and none starts once the request's time budget is used up
 * (QUERY_TOO_COSTLY, rule timeBudget). GraphQL would otherwise start every alias at once.
 */
@Injectable()
export class QueryLaneInterceptor implements NestInterceptor {
  constructor(@Inject(LEDGER_CONFIG) private readonly config: LedgerConfig) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<GqlContextType>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    if (info.parentType.name !== 'Query') return next.handle();
    return from(this.turn(gql.getContext<GqlContext>(), String(info.path.key))).pipe(
      mergeMap((release) => next.handle().pipe(finalize(release))),
    );
  }

  private async turn(ctx: GqlContext, field: string): Promise<() => void> {
    const previous = ctx.lane ?? Promise.resolve();
    let release!: () => void;
    ctx.lane = new Promise<void>((resolve) => (release = resolve));
    await previous;
    await yieldToEventLoop();
    const budget = this.config.queryTimeBudgetMs;
    if (budget > 0 && Date.now() - ctx.startedAt > budget) {
      release();
      throw timeBudgetExceeded(field, budget);
    }
    return release;
  }
}
