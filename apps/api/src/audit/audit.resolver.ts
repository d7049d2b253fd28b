import { Inject } from '@nestjs/common';
import { Args, Context, Info, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { QueryBus } from '@nestjs/cqrs';
import { canSeeAuditMetadata, LedgerError } from '@ledger/domain';
import { isSummaryLang, summarize, SUMMARY_LANGS } from '@ledger/projections';
import type { GqlContext } from '../graphql/issuer';
import { AUDIT_PAGE_SIZE, GetAuditTrail, LEDGER_CONFIG, type AuditPage, type LedgerConfig } from '@ledger/core';
import { selectsField } from '../graphql/selection';
import { auditEntryOf, AuditConnectionType, AuditEntryType, AuditFilterInput, toAuditFilter } from './audit.types';

/** The audit trail: every stored event, filtered and paged; who and when only for auditors and coordinators. */
@Resolver(() => AuditEntryType)
export class AuditResolver {
  constructor(
    private readonly queryBus: QueryBus,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  @Query(() => AuditConnectionType, {
    description:
      'Stored events, oldest first, filtered and paged (cursor = log position): `first` entries after `after` (forwards), or the `last` entries before `before` (backwards; without `before`, the newest ones). One direction per request.',
  })
  async auditTrail(
    @Context() ctx: GqlContext,
    // `filter?: T`, not `filter: T | undefined`: a union is emitted as Object in the design
    // metadata, and the ValidationPipe would then skip the class-validator rules.
    @Args('filter', { type: () => AuditFilterInput, nullable: true, description: 'Which events; absent: all of them.' })
    filter?: AuditFilterInput,
    @Args('first', {
      type: () => Int,
      nullable: true,
      description: `Page size, default ${AUDIT_PAGE_SIZE.default}, at most ${AUDIT_PAGE_SIZE.max}.`,
    })
    first?: number,
    @Args('after', { type: () => String, nullable: true, description: 'Cursor of the last entry already seen: entries strictly after it.' })
    after?: string,
    @Args('last', {
      type: () => Int,
      nullable: true,
      description: `Page size when paging backwards: the last entries (before \`before\`, or the newest), default ${AUDIT_PAGE_SIZE.default}, at most ${AUDIT_PAGE_SIZE.max}; still listed oldest first.`,
    })
    last?: number,
    @Args('before', {
      type: () => String,
      nullable: true,
      description: 'Cursor of the first entry already seen: entries strictly before it (paging backwards).',
    })
    before?: string,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<AuditConnectionType> {
    // Who may filter on hidden fields is checked before execution (graphql/request-gate.ts).
    const budgetMs = this.config.queryTimeBudgetMs;
    const options = {
      withTotal: info ? selectsField(info, 'totalCount') : true,
      deadline: budgetMs > 0 ? ctx.startedAt + budgetMs : undefined,
      budgetMs,
    };
    const page: AuditPage = await this.queryBus.execute(GetAuditTrail.of(toAuditFilter(filter), { first, after, last, before }, options));
    const showMetadata = canSeeAuditMetadata(ctx.issuer.principal);
    const edges = page.events.map((e) => ({ cursor: e.position.toString(), node: auditEntryOf(e, showMetadata) }));
    return {
      edges,
      totalCount: page.totalCount ?? 0,
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: page.hasPreviousPage,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }

  @ResolveField(() => String, { description: 'One human line saying what happened, in French ("fr"), English ("en") or Arabic ("ar").' })
  summary(
    @Parent() entry: AuditEntryType,
    @Args('lang', {
      type: () => String,
      defaultValue: 'fr',
      description:
        'Language of the line: "fr" (French), "en" (English) or "ar" (Modern Standard Arabic, right to left: ids and quoted texts wrapped in Unicode isolates U+2068…U+2069).',
    })
    lang: string,
  ): string {
    if (!isSummaryLang(lang)) {
      const message = `lang must be one of ${SUMMARY_LANGS.join(', ')}, got "${lang}"`;
      throw LedgerError.validation([{ field: 'lang', rule: 'isIn', message }]);
    }
    return summarize(entry, lang);
  }
}
