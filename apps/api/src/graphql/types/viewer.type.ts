import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { CommitmentType } from './plan.type';

@ObjectType('Lead', { description: "A user currently leading a commitment (assigned with assignLead; their token's `sub`)." })
export class LeadType {
  @Field(() => ID, { description: "The lead's user id (token `sub`)." })
  userId: string;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the ledger recorded the assignment.' })
  assignedAt?: Date;
}

@ObjectType('Viewer', { description: 'The signed-in caller, as established from their token.' })
export class ViewerType {
  @Field(() => ID, { description: "The token's subject (`sub`): the user id that assignLead takes." })
  sub: string;
  @Field(() => String, { nullable: true, description: "The token's display name." })
  name?: string;
  @Field(() => [String], { description: 'Roles recognised by this ledger: coordinator, lead, auditor.' })
  roles: string[];
  @Field(() => [CommitmentType], {
    description: 'The commitments this user currently leads (lead assignments in the ledger), by plan and number.',
  })
  commitments: CommitmentType[];
}
