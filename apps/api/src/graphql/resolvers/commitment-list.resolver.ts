import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { LedgerError, matchesCommitmentFilter, type FieldProblem } from '@ledger/domain';
import type { CommitmentView } from '@ledger/projections';
import { ReadModelService } from '@ledger/core';
import { ActivityStatusEnum } from '../types/enums';
import { CommitmentConnectionType } from '../types/commitment-connection.type';
import type { CommitmentType } from '../types/plan.type';

export const COMMITMENT_PAGE_SIZE = { default: 50, max: 500 } as const;
const SEARCH_MAX = 200;

/** A plan's commitments, filtered and paged (cursor = commitment number): what a dashboard table needs. */
@Resolver()
export class CommitmentListResolver {
  constructor(private readonly readModels: ReadModelService) {}

  @Query(() => CommitmentConnectionType, {
    description:
      'Commitments of a plan, by number, filtered by axis, by band (at least one non-cancelled activity in it) and by words found in the title or lead organisation (case and accents ignored). Every given criterion must hold; null means not given.',
  })
  commitments(
    @Args('planId', { type: () => ID, description: 'The plan.' }) planId: string,
    @Args('axisId', { type: () => ID, nullable: true, description: 'Only this axis.' }) axisId?: string | null,
    @Args('band', { type: () => ActivityStatusEnum, nullable: true, description: 'Only commitments with an activity in this band.' })
    band?: ActivityStatusEnum | null,
    @Args('search', { type: () => String, nullable: true, description: `Words to find (at most ${SEARCH_MAX} characters).` })
    search?: string | null,
    @Args('first', {
      type: () => Int,
      nullable: true,
      description: `Page size, default ${COMMITMENT_PAGE_SIZE.default}, at most ${COMMITMENT_PAGE_SIZE.max}.`,
    })
    first?: number | null,
    @Args('after', { type: () => String, nullable: true, description: 'Cursor of the last commitment already seen.' })
    after?: string | null,
  ): CommitmentConnectionType {
    const problems: FieldProblem[] = [];
    const size = first ?? COMMITMENT_PAGE_SIZE.default;
    if (!Number.isInteger(size) || size < 0 || size > COMMITMENT_PAGE_SIZE.max)
      problems.push({
        field: 'first',
        rule: 'range',
        message: `first must be an integer between 0 and ${COMMITMENT_PAGE_SIZE.max}, got ${size}`,
      });
    if (after != null && !/^\d{1,9}$/.test(after))
      problems.push({ field: 'after', rule: 'cursor', message: `after must be a cursor returned by commitments, got "${after}"` });
    if (search != null && search.length > SEARCH_MAX)
      problems.push({ field: 'search', rule: 'maxLength', message: `search must be at most ${SEARCH_MAX} characters` });
    if (problems.length > 0) throw LedgerError.validation(problems);
    const plan = this.readModels.views.plan(planId);
    if (!plan) throw LedgerError.notFound('plan', planId, 'planId');
    const filter = { axisId: axisId ?? undefined, band: band ?? undefined, search: search ?? undefined };
    const matching = plan.commitments.filter((c) => matchesCommitmentFilter(c, filter));
    const start = after == null ? 0 : matching.findIndex((c) => c.number > Number(after));
    const page: CommitmentView[] = start < 0 ? [] : matching.slice(start, start + size);
    const edges = page.map((c) => ({ cursor: String(c.number), node: c as unknown as CommitmentType }));
    const last = page.at(-1);
    return {
      edges,
      totalCount: matching.length,
      pageInfo: {
        hasNextPage: last !== undefined && matching[matching.length - 1] !== last,
        hasPreviousPage: start > 0,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }
}
