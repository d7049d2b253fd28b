import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { IRM_COMPLETION_RULE, RATE_FORMULA } from '@ledger/domain';
import { ActivityType, CommunicationActionType } from './activity.type';
import { IrmCompletionEnum } from './enums';

@ObjectType('ReportingPeriod', { description: 'A closed reporting period (committee meeting).' })
export class ReportingPeriodType {
  @Field()
  name: string;
  @Field({ description: 'End of the period (ISO 8601).' })
  endsAt: string;
}

@ObjectType('Commitment', { description: 'A commitment of a plan with its activities, communication actions and outcome.' })
export class CommitmentType {
  @Field(() => ID, { description: '`<planId>.<number>`, e.g. "ma-2018-2020.7".' })
  id: string;
  @Field(() => ID)
  planId: string;
  @Field(() => Int)
  number: number;
  @Field()
  title: string;
  @Field({ description: 'Responsible organisation.' })
  leadOrganisation: string;
  @Field({ nullable: true })
  problem?: string;
  @Field({ nullable: true })
  description?: string;
  @Field(() => Float, { description: RATE_FORMULA })
  implementationRate: number;
  @Field(() => IrmCompletionEnum, {
    description: `OGP IRM completion level of this commitment: NO_EVIDENCE while none of its activities that are not cancelled has a reported figure, otherwise the band of its rate as published (rounded half up). ${IRM_COMPLETION_RULE}`,
  })
  irmCompletion: IrmCompletionEnum;
  @Field(() => [ActivityType])
  activities: ActivityType[];
  @Field(() => [CommunicationActionType])
  communicationActions: CommunicationActionType[];
  @Field({ nullable: true, description: 'Results after implementation.' })
  results?: string;
  @Field({ nullable: true, description: 'How the commitment contributed to solving the problem.' })
  contribution?: string;
  @Field({ nullable: true })
  nextSteps?: string;
  @Field(() => Int, { description: "Number of events in the commitment's stream; pass it as expectedVersion for an optimistic lock." })
  version: number;
}

@ObjectType('Axis', { description: 'A thematic axis of a plan.' })
export class AxisType {
  @Field(() => ID)
  id: string;
  @Field()
  title: string;
  @Field(() => Int, { description: 'Position of the axis in the plan, from 1.' })
  order: number;
  @Field(() => Float, { description: `Mean of this axis's commitment rates. ${RATE_FORMULA}` })
  implementationRate: number;
  @Field(() => [CommitmentType], { description: 'Commitments of this axis, by number.' })
  commitments: CommitmentType[];
}

@ObjectType('Plan', { description: 'An OGP action plan.' })
export class PlanType {
  @Field(() => ID, { description: 'Slug, e.g. "ma-2018-2020".' })
  id: string;
  @Field()
  title: string;
  @Field()
  country: string;
  @Field()
  period: string;
  @Field(() => Float, { description: `Mean of all the plan's commitment rates. ${RATE_FORMULA}` })
  implementationRate: number;
  @Field(() => [AxisType])
  axes: AxisType[];
  @Field(() => [CommitmentType])
  commitments: CommitmentType[];
  @Field(() => [ReportingPeriodType], { description: 'Closed reporting periods, oldest first.' })
  periods: ReportingPeriodType[];
  @Field(() => Int, { description: "Number of events in the plan's stream; pass it as expectedVersion for an optimistic lock." })
  version: number;
}

@ObjectType('PlanPayload', { description: 'Result of a plan mutation, already reflecting the write.' })
export class PlanPayload {
  @Field(() => Int)
  version: number;
  @Field({ description: 'Log position of the write (decimal string).' })
  position: string;
  @Field(() => PlanType)
  plan: PlanType;
}

@ObjectType('CommitmentPayload', { description: 'Result of a commitment mutation, already reflecting the write.' })
export class CommitmentPayload {
  @Field(() => Int)
  version: number;
  @Field({ description: 'Log position of the write (decimal string).' })
  position: string;
  @Field(() => CommitmentType)
  commitment: CommitmentType;
}
