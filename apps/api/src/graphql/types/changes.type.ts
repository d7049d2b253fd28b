import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import GraphQLJSON from 'graphql-type-json';

@ObjectType('ChangeEvent', { description: 'An event that moved a commitment within the range.' })
export class ChangeEventType {
  @Field({ description: 'Log position (decimal string).' })
  position: string;
  @Field({ description: 'Stream of the event, `commitment-<commitmentId>`.' })
  stream: string;
  @Field(() => Int, { description: 'Revision of the event in its stream, from 0.' })
  revision: number;
  @Field({ description: 'Event type, e.g. ActivityProgressReported.' })
  type: string;
  @Field(() => GraphQLISODateTime, { description: 'Business date of the fact.' })
  effectiveAt: Date;
  @Field(() => GraphQLJSON, { description: 'The event payload as stored.' })
  data: unknown;
}

@ObjectType('CommitmentChange', { description: "A commitment's rate before and after the range, and what happened in between." })
export class CommitmentChangeType {
  @Field(() => ID, { description: 'The commitment.' })
  commitmentId: string;
  @Field(() => Int, { description: 'Its number in the plan.' })
  number: number;
  @Field({ description: 'Its title.' })
  title: string;
  @Field(() => Float, { description: 'Its rate as of `since` (0 when it did not exist yet).' })
  rateBefore: number;
  @Field(() => Float, { description: 'Its rate as of `until`.' })
  rateAfter: number;
  @Field(() => [ChangeEventType], { description: 'Events of its stream effective in (since, until], in log order.' })
  events: ChangeEventType[];
}

@ObjectType('PlanChanges', { description: 'What moved between two dates (by effective date), e.g. between two committee meetings.' })
export class PlanChangesType {
  @Field(() => GraphQLISODateTime, { description: 'Start of the range (exclusive).' })
  since: Date;
  @Field(() => GraphQLISODateTime, { description: 'End of the range (inclusive).' })
  until: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'As known at this instant (absent: as known now).' })
  knownAt?: Date;
  @Field(() => Float, { description: 'Plan rate effective at `since`.' })
  rateBefore: number;
  @Field(() => Float, { description: 'Plan rate effective at `until`.' })
  rateAfter: number;
  @Field(() => [CommitmentChangeType], { description: 'Commitments with events or a rate change in the range.' })
  commitments: CommitmentChangeType[];
}
