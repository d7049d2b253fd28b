import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import GraphQLJSON from 'graphql-type-json';

@ObjectType('ChangeEvent', { description: 'An event that moved a commitment within the range.' })
export class ChangeEventType {
  @Field({ description: 'Log position (decimal string).' })
  position: string;
  @Field()
  stream: string;
  @Field(() => Int)
  revision: number;
  @Field()
  type: string;
  @Field(() => GraphQLISODateTime)
  effectiveAt: Date;
  @Field(() => GraphQLJSON)
  data: unknown;
}

@ObjectType('CommitmentChange', { description: "A commitment's rate before and after the range, and what happened in between." })
export class CommitmentChangeType {
  @Field(() => ID)
  commitmentId: string;
  @Field(() => Int)
  number: number;
  @Field()
  title: string;
  @Field(() => Float)
  rateBefore: number;
  @Field(() => Float)
  rateAfter: number;
  @Field(() => [ChangeEventType])
  events: ChangeEventType[];
}

@ObjectType('PlanChanges', { description: 'What moved between two dates (by effective date), e.g. between two committee meetings.' })
export class PlanChangesType {
  @Field(() => GraphQLISODateTime)
  since: Date;
  @Field(() => GraphQLISODateTime)
  until: Date;
  @Field(() => Float, { description: 'Plan rate effective at `since`.' })
  rateBefore: number;
  @Field(() => Float, { description: 'Plan rate effective at `until`.' })
  rateAfter: number;
  @Field(() => [CommitmentChangeType], { description: 'Commitments with events or a rate change in the range.' })
  commitments: CommitmentChangeType[];
}
