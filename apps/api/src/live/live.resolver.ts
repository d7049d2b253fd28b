import { Args, Context, ID, Info, Resolver, Subscription } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Inject } from '@nestjs/common';
import { CLOCK, LEDGER_CONFIG, type Clock, type LedgerConfig } from '@ledger/core';
import { checkSubscriptionCost } from './subscription-cost';
import type { CommitmentView, PlanView } from '@ledger/projections';
import { ReadModelService } from '@ledger/core';
import { CommitmentType, PlanType } from '../graphql/types/plan.type';
import { commitmentTopic, planTopic } from './live-topics';
import type { LiveUpdate } from './live-updates.publisher';
import { LiveFanOut, type LiveContext } from './live-fan-out';

/**
 * Live updates over WebSocket (`graphql-transport-ws`): each message is the entity as this
 * instance's read models hold it right after applying the change, with the fields the
 * subscriber selected — executed once per group of identical subscriptions (live-fan-out.ts).
 */
@Resolver()
export class LiveResolver {
  constructor(
    private readonly readModels: ReadModelService,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly fanOut: LiveFanOut,
  ) {}

  private checkCost(info: GraphQLResolveInfo): void {
    checkSubscriptionCost(info, { readModels: this.readModels, config: this.config, clock: this.clock });
  }

  @Subscription(() => PlanType, {
    description:
      'The plan, sent again each time it or one of its commitments changes (after this instance applied the change). Live only: no time travel.',
    resolve(this: LiveResolver, update: LiveUpdate): PlanView | undefined {
      return this.readModels.views.plan(update.id);
    },
  })
  planUpdated(
    @Args('planId', { type: () => ID, description: 'The plan to follow.' }) planId: string,
    @Context() ctx: LiveContext,
    @Info() info: GraphQLResolveInfo,
  ): AsyncIterable<unknown> {
    this.checkCost(info);
    return this.fanOut.follow(planTopic(planId), ctx, info);
  }

  @Subscription(() => CommitmentType, {
    description: 'The commitment, sent again each time it changes (after this instance applied the change). Live only.',
    resolve(this: LiveResolver, update: LiveUpdate): CommitmentView | undefined {
      return this.readModels.views.commitment(update.id);
    },
  })
  commitmentUpdated(
    @Args('id', { type: () => ID, description: 'The commitment to follow ("<planId>.<number>").' }) id: string,
    @Context() ctx: LiveContext,
    @Info() info: GraphQLResolveInfo,
  ): AsyncIterable<unknown> {
    this.checkCost(info);
    return this.fanOut.follow(commitmentTopic(id), ctx, info);
  }
}
