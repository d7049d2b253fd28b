import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import GraphQLJSON from 'graphql-type-json';

@ObjectType('ChangeEvent', { description: 'An event that moved a commitment within the range.' })
export class ChangeEventType {
  @Field({ description: 'Log position (decimal string).' })
  position: string;
  @Field({ description: 'The stream it belongs to, e.g. "commitment-ma-2018-2020.4".' })
  stream: string;
  @Field(() => Int, { description: 'Its revision within the stream, from 0.' })
  revision: number;
  @Field({ description: 'Stored event type, e.g. "ActivityProgressReported".' })
  type: string;
  @Field(() => GraphQLISODateTime, { description: 'The business date the event refers to.' })
  effectiveAt: Date;
  @Field(() => GraphQLJSON, { description: 'The payload as stored.' })
  data: unknown;
}

@ObjectType('CommitmentChange', { description: "A commitment's rate before and after the range, and what happened in between." })
export class CommitmentChangeType {
  @Field(() => ID, { description: 'The commitment.' })
  commitmentId: string;
  @Field(() => Int, { description: 'Its number within the plan.' })
  number: number;
  @Field({ description: 'Its title.' })
  title: string;
  @Field(() => Float, { nullable: true, description: 'Its rate effective at `since` (null while nothing counted).' })
  rateBefore: number | null;
  @Field(() => Float, { nullable: true, description: 'Its rate effective at `until` (null while nothing counts).' })
  rateAfter: number | null;
  @Field(() => [ChangeEventType], { description: 'Its events effective in (since, until], known at `knownAt`, in log order.' })
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
  @Field(() => Float, { nullable: true, description: 'Plan rate effective at `since`.' })
  rateBefore: number | null;
  @Field(() => Float, { nullable: true, description: 'Plan rate effective at `until`.' })
  rateAfter: number | null;
  @Field(() => [CommitmentChangeType], { description: 'Commitments with events or a rate change in the range.' })
  commitments: CommitmentChangeType[];
}
