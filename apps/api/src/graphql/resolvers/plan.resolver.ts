import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { LedgerError } from '@ledger/domain';
import type { PlanView } from '@ledger/projections';
import { CommandGateway, type CommandResult, GetPlan, GetPlans, GetPlanAsOf, ReadModelService } from '@ledger/core';
import { AsOfInput, toAsOf } from '../inputs/as-of.input';
import { AddAxisInput, CloseReportingPeriodInput, DefinePlanInput } from '../inputs/plan.inputs';
import type { GqlContext } from '../issuer';
import { envelope } from './envelope';
import { writtenPlan } from './written-view';
import { PlanPayload, PlanType } from '../types/plan.type';

@Resolver(() => PlanType)
export class PlanResolver {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly gateway: CommandGateway,
    private readonly readModels: ReadModelService,
  ) {}

  @Query(() => [PlanType], { description: 'All plans.' })
  plans(): Promise<PlanView[]> {
    return this.queryBus.execute(new GetPlans());
  }

  @Query(() => PlanType, { nullable: true, description: 'One plan by id, or null; with `asOf`, as it was at that point in time.' })
  plan(
    @Args('id', { type: () => ID, description: 'Its id.' }) id: string,
    @Args('asOf', { type: () => AsOfInput, nullable: true, description: 'A point in time; absent: now (live).' }) asOf?: AsOfInput,
  ): Promise<PlanView | undefined> {
    const point = toAsOf(asOf);
    return this.queryBus.execute(point ? new GetPlanAsOf(id, point) : new GetPlan(id));
  }

  @Mutation(() => PlanPayload, { description: 'Define a plan.' })
  async definePlan(
    @Args('input', { description: 'The command; see its input type.' }) input: DefinePlanInput,
    @Context() ctx: GqlContext,
  ): Promise<PlanPayload> {
    const { id, country, title, period } = input;
    return this.payload(
      await this.gateway.send(
        { type: 'DefinePlan', data: { planId: id, country, title, period } },
        ctx.issuer,
        envelope(input),
        ctx.authError,
      ),
      ctx,
    );
  }

  @Mutation(() => PlanPayload, { description: 'Add an axis to a plan.' })
  async addAxis(
    @Args('input', { description: 'The command; see its input type.' }) input: AddAxisInput,
    @Context() ctx: GqlContext,
  ): Promise<PlanPayload> {
    const { planId, axisId, title } = input;
    return this.payload(
      await this.gateway.send({ type: 'AddAxis', data: { planId, axisId, title } }, ctx.issuer, envelope(input), ctx.authError),
      ctx,
    );
  }

  @Mutation(() => PlanPayload, { description: 'Close a reporting period of a plan.' })
  async closeReportingPeriod(
    @Args('input', { description: 'The command; see its input type.' }) input: CloseReportingPeriodInput,
    @Context() ctx: GqlContext,
  ): Promise<PlanPayload> {
    const { planId, name, endsAt } = input;
    return this.payload(
      await this.gateway.send({ type: 'CloseReportingPeriod', data: { planId, name, endsAt } }, ctx.issuer, envelope(input), ctx.authError),
      ctx,
    );
  }

  private async payload(result: CommandResult, ctx: GqlContext): Promise<PlanPayload> {
    const plan = writtenPlan(result, this.readModels.model, ctx);
    if (!plan) throw LedgerError.notFound('plan', result.aggregateId);
    return { version: result.version, position: result.position.toString(), plan: plan as unknown as PlanType };
  }
}
