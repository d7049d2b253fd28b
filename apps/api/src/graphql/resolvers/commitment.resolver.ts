import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { canSeeLeads, LedgerError } from '@ledger/domain';
import type { AxisView, CommitmentView } from '@ledger/projections';
import { CommandGateway, type DomainCommand, ReadModelService, GetCommitment, GetCommitmentAsOf } from '@ledger/core';
import { AsOfInput, toAsOf } from '../inputs/as-of.input';
import type { CommandEnvelopeInput } from '../inputs/command-envelope.input';
import {
  ActivityLifecycleInput,
  CorrectActivityProgressInput,
  LeadAssignmentInput,
  LogCommunicationActionInput,
  PlanActivityInput,
  RecordActionInput,
  RecordOutcomeInput,
  RegisterCommitmentInput,
  ReportActivityProgressInput,
  RetractActionInput,
  SetActivityWeightInput,
} from '../inputs/commitment.inputs';
import type { GqlContext } from '../issuer';
import { AxisType, CommitmentPayload, CommitmentType } from '../types/plan.type';
import { envelope } from './envelope';
import { writtenCommitment } from './written-view';
import { LeadType } from '../types/viewer.type';

/** Commitment query and mutations: thin — input → command → CommandBus → payload. */
@Resolver(() => CommitmentType)
export class CommitmentResolver {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly gateway: CommandGateway,
    private readonly readModels: ReadModelService,
  ) {}

  @Query(() => CommitmentType, {
    nullable: true,
    description: 'One commitment by id ("<planId>.<number>"), or null; with `asOf`, as it was at that point in time.',
  })
  commitment(
    @Args('id', { type: () => ID, description: 'Its id.' }) id: string,
    @Args('asOf', { type: () => AsOfInput, nullable: true, description: 'A point in time; absent: now (live).' }) asOf?: AsOfInput,
  ): Promise<CommitmentView | undefined> {
    const point = toAsOf(asOf);
    return this.queryBus.execute(point ? new GetCommitmentAsOf(id, point) : new GetCommitment(id));
  }

  @ResolveField(() => [LeadType], {
    nullable: true,
    description: "Its current leads, in assignment order: for coordinators, auditors and the commitment's own leads; null for anyone else.",
  })
  leads(@Parent() commitment: CommitmentView, @Context() ctx: GqlContext): LeadType[] | null {
    if (ctx.authError) throw ctx.authError;
    const leads = this.readModels.model.access.leadsOf(commitment.planId, commitment.id);
    if (
      !canSeeLeads(
        ctx.issuer.principal,
        leads.map((l) => l.userId),
      )
    )
      return null;
    return leads.map((l) => ({ userId: l.userId, assignedAt: l.assignedAt ? new Date(l.assignedAt) : undefined }));
  }

  @ResolveField(() => AxisType, { description: 'The axis this commitment belongs to.' })
  axis(@Parent() commitment: CommitmentView): AxisView {
    const axis = this.readModels.views.plan(commitment.planId)?.axes.find((a) => a.id === commitment.axisId);
    if (!axis) throw LedgerError.notFound('axis', commitment.axisId);
    return axis;
  }

  @Mutation(() => CommitmentPayload, { description: 'Register a commitment in a plan.' })
  registerCommitment(
    @Args('input', { description: 'The command; see its input type.' }) input: RegisterCommitmentInput,
    @Context() ctx: GqlContext,
  ): Promise<CommitmentPayload> {
    const { planId, axisId, number, title, leadOrganisation, problem, description } = input;
    return this.run(
      { type: 'RegisterCommitment', data: { planId, axisId, number, title, leadOrganisation, problem, description } },
      input,
      ctx,
    );
  }

  @Mutation(() => CommitmentPayload, { description: 'Plan a weighted activity.' })
  planActivity(
    @Args('input', { description: 'The command; see its input type.' }) input: PlanActivityInput,
    @Context() ctx: GqlContext,
  ): Promise<CommitmentPayload> {
    const { commitmentId, number, title, weight } = input;
    return this.run({ type: 'PlanActivity', data: { commitmentId, number, title, weight } }, input, ctx);
  }

  @Mutation(() => CommitmentPayload, { description: "Change an activity's weight." })
  setActivityWeight(
    @Args('input', { description: 'The command; see its input type.' }) input: SetActivityWeightInput,
    @Context() ctx: GqlContext,
  ): Promise<CommitmentPayload> {
    const { commitmentId, activityId, weight } = input;
    return this.run({ type: 'SetActivityWeight', data: { commitmentId, activityId, weight } }, input, ctx);
  }

  @Mutation(() => CommitmentPayload, { description: 'Report progress (0–100) on an activity, as of effectiveAt.' })
  reportActivityProgress(
    @Args('input', { description: 'The command; see its input type.' }) input: ReportActivityProgressInput,
    @Context() ctx: GqlContext,
  ): Promise<CommitmentPayload> {
    const { commitmentId, activityId, progress, status, note } = input;
    return this.run({ type: 'ReportActivityProgress', data: { commitmentId, activityId, progress, status, note } }, input, ctx);
  }

  @Mutation(() => CommitmentPayload, { description: 'Correct a wrong progress figure, with the reason.' })
  correctActivityProgress(
    @Args('input', { description: 'The command; see its input type.' }) input: CorrectActivityProgressInput,
    @Context() ctx: GqlContext,
  ): Promise<CommitmentPayload> {
    const { commitmentId, activityId, progress, status, reason } = input;
    return this.run({ type: 'CorrectActivityProgress', data: { commitmentId, activityId, progress, status, reason } }, input, ctx);
  }

  @Mutation(() => CommitmentPayload, { description: 'Record an action done, not done or additional.' })
  recordAction(
    @Args('input', { description: 'The command; see its input type.' }) input: RecordActionInput,
    @Context() ctx: GqlContext,
  ): Promise<CommitmentPayload> {
    const { commitmentId, activityId, kind, text, date, reason } = input;
    return this.run({ type: 'RecordAction', data: { commitmentId, activityId, kind, text, date, reason } }, input, ctx);
  }

  @Mutation(() => CommitmentPayload, { description: 'Retract an action recorded by mistake, with the reason.' })
  retractAction(
    @Args('input', { description: 'The command; see its input type.' }) input: RetractActionInput,
    @Context() ctx: GqlContext,
  ): Promise<CommitmentPayload> {
    const { commitmentId, activityId, actionId, reason } = input;
    return this.run({ type: 'RetractAction', data: { commitmentId, activityId, actionId, reason } }, input, ctx);
  }

  @Mutation(() => CommitmentPayload, { description: 'Log a communication action.' })
  logCommunicationAction(
    @Args('input', { description: 'The command; see its input type.' }) input: LogCommunicationActionInput,
    @Context() ctx: GqlContext,
  ): Promise<CommitmentPayload> {
    const { commitmentId, action, date, target, indicators } = input;
    return this.run({ type: 'LogCommunicationAction', data: { commitmentId, action, date, target, indicators } }, input, ctx);
  }

  @Mutation(() => CommitmentPayload, { description: 'Record results, contribution and/or next steps.' })
  recordOutcome(
    @Args('input', { description: 'The command; see its input type.' }) input: RecordOutcomeInput,
    @Context() ctx: GqlContext,
  ): Promise<CommitmentPayload> {
    const { commitmentId, results, contribution, nextSteps } = input;
    return this.run({ type: 'RecordOutcome', data: { commitmentId, results, contribution, nextSteps } }, input, ctx);
  }

  @Mutation(() => CommitmentPayload, { description: 'Suspend an active activity (it still counts in the rate).' })
  suspendActivity(
    @Args('input', { description: 'The command; see its input type.' }) input: ActivityLifecycleInput,
    @Context() ctx: GqlContext,
  ): Promise<CommitmentPayload> {
    return this.run({ type: 'SuspendActivity', data: lifecycle(input) }, input, ctx);
  }

  @Mutation(() => CommitmentPayload, { description: 'Resume a suspended activity.' })
  resumeActivity(
    @Args('input', { description: 'The command; see its input type.' }) input: ActivityLifecycleInput,
    @Context() ctx: GqlContext,
  ): Promise<CommitmentPayload> {
    return this.run({ type: 'ResumeActivity', data: lifecycle(input) }, input, ctx);
  }

  @Mutation(() => CommitmentPayload, { description: 'Cancel an activity (it no longer counts in the rate).' })
  cancelActivity(
    @Args('input', { description: 'The command; see its input type.' }) input: ActivityLifecycleInput,
    @Context() ctx: GqlContext,
  ): Promise<CommitmentPayload> {
    return this.run({ type: 'CancelActivity', data: lifecycle(input) }, input, ctx);
  }

  @Mutation(() => CommitmentPayload, { description: 'Make a user a lead of this commitment (coordinator); recorded in the ledger.' })
  assignLead(
    @Args('input', { description: 'The command; see its input type.' }) input: LeadAssignmentInput,
    @Context() ctx: GqlContext,
  ): Promise<CommitmentPayload> {
    return this.run({ type: 'AssignLead', data: { commitmentId: input.commitmentId, userId: input.userId } }, input, ctx);
  }

  @Mutation(() => CommitmentPayload, { description: "Revoke a user's lead role on this commitment (coordinator); recorded in the ledger." })
  revokeLead(
    @Args('input', { description: 'The command; see its input type.' }) input: LeadAssignmentInput,
    @Context() ctx: GqlContext,
  ): Promise<CommitmentPayload> {
    return this.run({ type: 'RevokeLead', data: { commitmentId: input.commitmentId, userId: input.userId } }, input, ctx);
  }

  private async run(command: DomainCommand, input: CommandEnvelopeInput, ctx: GqlContext): Promise<CommitmentPayload> {
    const result = await this.gateway.send(command, ctx.issuer, envelope(input), ctx.authError);
    const commitment = writtenCommitment(result, this.readModels.model, ctx);
    if (!commitment) throw LedgerError.notFound('commitment', result.aggregateId);
    // Lead assignments are written to the plan's access stream; the payload's version is the
    // commitment's own, the one a client sends back as expectedVersion.
    const version = command.type === 'AssignLead' || command.type === 'RevokeLead' ? commitment.version : result.version;
    return { version, position: result.position.toString(), commitment: commitment as unknown as CommitmentType };
  }
}

const lifecycle = ({ commitmentId, activityId, reason }: ActivityLifecycleInput) => ({ commitmentId, activityId, reason });
