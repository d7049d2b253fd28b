import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { LedgerError } from '@ledger/domain';
import type { AxisView, CommitmentView, PlanView } from '@ledger/projections';
import { CommandGateway } from '../../commands/command-gateway.service';
import type { CommandResult } from '../../commands/execute-ledger-command';
import { ReadModelService } from '../../projections/read-model.service';
import { GetPlan, GetPlans } from '../../queries/ledger.queries';
import { AddAxisInput, CloseReportingPeriodInput, DefinePlanInput } from '../inputs/plan.inputs';
import type { GqlContext } from '../issuer';
import { envelope } from './envelope';
import { AxisType, CommitmentType, PlanPayload, PlanType } from '../types/plan.type';

@Resolver(() => PlanType)
export class PlanResolver {
  constructor(private readonly queryBus: QueryBus, private readonly gateway: CommandGateway) {}

  @Query(() => [PlanType], { description: 'All plans.' })
  plans(): Promise<PlanView[]> {
    return this.queryBus.execute(new GetPlans());
  }

  @Query(() => PlanType, { nullable: true, description: 'One plan by id, or null.' })
  plan(@Args('id', { type: () => ID }) id: string): Promise<PlanView | undefined> {
    return this.queryBus.execute(new GetPlan(id));
  }

  @Mutation(() => PlanPayload, { description: 'Define a plan.' })
  async definePlan(@Args('input') input: DefinePlanInput, @Context() ctx: GqlContext): Promise<PlanPayload> {
    const { id, country, title, period } = input;
    return this.payload(await this.gateway.send({ type: 'DefinePlan', data: { planId: id, country, title, period } }, ctx.issuer, envelope(input)));
  }

  @Mutation(() => PlanPayload, { description: 'Add an axis to a plan.' })
  async addAxis(@Args('input') input: AddAxisInput, @Context() ctx: GqlContext): Promise<PlanPayload> {
    const { planId, axisId, title } = input;
    return this.payload(await this.gateway.send({ type: 'AddAxis', data: { planId, axisId, title } }, ctx.issuer, envelope(input)));
  }

  @Mutation(() => PlanPayload, { description: 'Close a reporting period of a plan.' })
  async closeReportingPeriod(@Args('input') input: CloseReportingPeriodInput, @Context() ctx: GqlContext): Promise<PlanPayload> {
    const { planId, name, endsAt } = input;
    return this.payload(await this.gateway.send({ type: 'CloseReportingPeriod', data: { planId, name, endsAt } }, ctx.issuer, envelope(input)));
  }

  private async payload(result: CommandResult): Promise<PlanPayload> {
    const plan = await this.queryBus.execute(new GetPlan(result.aggregateId));
    if (!plan) throw LedgerError.notFound('plan', result.aggregateId);
    return { version: result.version, position: result.position.toString(), plan: plan as unknown as PlanType };
  }
}

@Resolver(() => AxisType)
export class AxisResolver {
  constructor(private readonly readModels: ReadModelService) {}

  @ResolveField(() => [CommitmentType], { description: 'Commitments of this axis, by number.' })
  commitments(@Parent() axis: AxisView): CommitmentView[] {
    return axis.commitmentIds.map((id) => this.readModels.model.commitment(id)).filter((c): c is CommitmentView => c !== undefined);
  }
}
