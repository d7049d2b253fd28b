import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PageInfoType } from '../../audit/audit.types';
import { CommitmentType } from './plan.type';

@ObjectType('CommitmentEdge', { description: 'A commitment and its cursor.' })
export class CommitmentEdgeType {
  @Field({ description: 'Pass as `after` to continue after this commitment.' })
  cursor: string;
  @Field(() => CommitmentType, { description: 'The commitment.' })
  node: CommitmentType;
}

@ObjectType('CommitmentConnection', { description: 'A page of a plan’s commitments matching a filter, by number.' })
export class CommitmentConnectionType {
  @Field(() => [CommitmentEdgeType], { description: 'The commitments of this page, by number.' })
  edges: CommitmentEdgeType[];
  @Field(() => PageInfoType, { description: 'Paging information.' })
  pageInfo: PageInfoType;
  @Field(() => Int, { description: 'Number of commitments matching the filter, over all pages.' })
  totalCount: number;
}
