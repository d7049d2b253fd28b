import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { IRM_COMPLETION_RULE, RATE_FORMULA } from '@ledger/domain';
import { asDate } from './date-field';
import { ActivityType, CommunicationActionType } from './activity.type';
import { IrmCompletionEnum } from './enums';

@ObjectType('ReportingPeriod', { description: 'A closed reporting period (committee meeting).' })
export class ReportingPeriodType {
  @Field({ description: 'Name of the period, as the coordinator closed it (e.g. "2020-S1").' })
  name: string;
  @Field({ description: 'End of the period (ISO 8601).' })
  endsAt: string;
}

@ObjectType('Commitment', { description: 'A commitment of a plan with its activities, communication actions and outcome.' })
export class CommitmentType {
  @Field(() => ID, { description: '`<planId>.<number>`, e.g. "ma-2018-2020.7".' })
  id: string;
  @Field(() => ID, { description: 'The plan this commitment belongs to.' })
  planId: string;
  @Field(() => Int, { description: 'Number of the commitment within its plan, from 1.' })
  number: number;
  @Field({ description: 'Title of the commitment, as written in the plan.' })
  title: string;
  @Field({ description: 'Responsible organisation.' })
  leadOrganisation: string;
  @Field({ nullable: true, description: 'The problem the commitment addresses ("Problématique").' })
  problem?: string;
  @Field({ nullable: true, description: 'What the commitment consists of ("Consistance de l’engagement").' })
  description?: string;
  @Field(() => Float, { nullable: true, description: RATE_FORMULA })
  implementationRate: number | null;
  @Field(() => IrmCompletionEnum, {
    description: `OGP IRM completion level of this commitment: NO_EVIDENCE while none of its activities that are not cancelled has a reported figure, otherwise the band of its rate as published (rounded half up). ${IRM_COMPLETION_RULE}`,
  })
  irmCompletion: IrmCompletionEnum;
  @Field(() => [ActivityType], { description: 'Its activities, by number (cancelled ones included, with their lifecycle).' })
  activities: ActivityType[];
  @Field(() => [CommunicationActionType], { description: 'Communication actions logged for the commitment, oldest first.' })
  communicationActions: CommunicationActionType[];
  @Field({ nullable: true, description: 'Results after implementation.' })
  results?: string;
  @Field({ nullable: true, description: 'How the commitment contributed to solving the problem.' })
  contribution?: string;
  @Field({ nullable: true, description: 'Next steps planned.' })
  nextSteps?: string;
  @Field(() => Int, { description: "Number of events in the commitment's stream; pass it as expectedVersion for an optimistic lock." })
  version: number;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    middleware: [asDate],
    description: "When the ledger recorded the commitment's last event.",
  })
  lastUpdatedAt?: string;
  @Field({ nullable: true, description: "Log position of the commitment's last event (decimal string)." })
  lastPosition?: string;
}

@ObjectType('Axis', { description: 'A thematic axis of a plan.' })
export class AxisType {
  @Field(() => ID, { description: 'Id of the axis within its plan.' })
  id: string;
  @Field({ description: 'Title of the axis, as written in the plan.' })
  title: string;
  @Field(() => Int, { description: 'Position of the axis in the plan, from 1.' })
  order: number;
  @Field(() => Float, { nullable: true, description: `Mean of this axis's commitment rates. ${RATE_FORMULA}` })
  implementationRate: number | null;
  @Field(() => [CommitmentType], { description: 'Commitments of this axis, by number.' })
  commitments: CommitmentType[];
}

@ObjectType('Plan', { description: 'An OGP action plan.' })
export class PlanType {
  @Field(() => ID, { description: 'Slug, e.g. "ma-2018-2020".' })
  id: string;
  @Field({ description: 'Title of the plan.' })
  title: string;
  @Field({ description: 'Country (or local government) whose plan it is.' })
  country: string;
  @Field({ description: 'Period the plan covers, as written (e.g. "2018-2020").' })
  period: string;
  @Field(() => Float, { nullable: true, description: `Mean of all the plan's commitment rates. ${RATE_FORMULA}` })
  implementationRate: number | null;
  @Field(() => [AxisType], { description: 'Its thematic axes, in order.' })
  axes: AxisType[];
  @Field(() => [CommitmentType], { description: 'All its commitments, by number.' })
  commitments: CommitmentType[];
  @Field(() => [ReportingPeriodType], { description: 'Closed reporting periods, oldest first.' })
  periods: ReportingPeriodType[];
  @Field(() => Int, { description: "Number of events in the plan's stream; pass it as expectedVersion for an optimistic lock." })
  version: number;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    middleware: [asDate],
    description: 'When the ledger recorded the last event of the plan or of any of its commitments.',
  })
  lastUpdatedAt?: string;
  @Field({ nullable: true, description: 'Log position of that last event (decimal string): the page is current up to it.' })
  lastPosition?: string;
}

@ObjectType('PlanPayload', { description: 'Result of a plan mutation, already reflecting the write.' })
export class PlanPayload {
  @Field(() => Int, { description: "The plan stream's version after the write." })
  version: number;
  @Field({ description: 'Log position of the write (decimal string).' })
  position: string;
  @Field(() => PlanType, { description: 'The plan, already reflecting the write.' })
  plan: PlanType;
}

@ObjectType('CommitmentPayload', { description: 'Result of a commitment mutation, already reflecting the write.' })
export class CommitmentPayload {
  @Field(() => Int, { description: "The commitment stream's version after the write." })
  version: number;
  @Field({ description: 'Log position of the write (decimal string).' })
  position: string;
  @Field(() => CommitmentType, { description: 'The commitment, already reflecting the write.' })
  commitment: CommitmentType;
}
