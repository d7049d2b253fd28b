import { Context, Query, Resolver } from '@nestjs/graphql';
import { ReadModelService } from '@ledger/core';
import type { CommitmentView } from '@ledger/projections';
import type { GqlContext } from '../issuer';
import type { CommitmentType } from '../types/plan.type';
import { ViewerType } from '../types/viewer.type';

/** `me`: who the caller is and what they lead — what a workspace opens with. */
@Resolver(() => ViewerType)
export class ViewerResolver {
  constructor(private readonly readModels: ReadModelService) {}

  @Query(() => ViewerType, {
    nullable: true,
    description: 'The signed-in caller and the commitments they lead; null for an anonymous caller.',
  })
  me(@Context() ctx: GqlContext): ViewerType | null {
    if (ctx.authError) throw ctx.authError;
    const { sub, name, roles } = ctx.issuer.principal;
    if (!sub) return null;
    const model = this.readModels.model;
    const commitments = model.access
      .commitmentsLedBy(sub)
      .map((id) => model.commitment(id))
      .filter((c): c is CommitmentView => c !== undefined)
      .sort((a, b) => a.planId.localeCompare(b.planId) || a.number - b.number);
    return { sub, name, roles: [...roles], commitments: commitments as unknown as CommitmentType[] };
  }
}
