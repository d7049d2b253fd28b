import { Inject } from '@nestjs/common';
import { Args, Context, Field, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { LedgerError } from '@ledger/domain';
import { EVENT_STORE, verifyStore, type EventStore } from '@ledger/event-store';
import { withEventLoopTurns } from '@ledger/core';
import type { GqlContext } from '../issuer';

@ObjectType('LedgerVerification', { description: 'Result of recomputing the hash chain of the whole log.' })
export class LedgerVerificationType {
  @Field({ description: 'True when every link of the chain (and the expected head, if given) checks out.' })
  ok: boolean;
  @Field(() => Int, { description: 'How many events were checked.' })
  checkedEvents: number;
  @Field({ nullable: true, description: 'Position of the first event whose link is broken.' })
  firstBrokenPosition?: string;
  @Field({ nullable: true, description: 'Which check failed, in plain words.' })
  reason?: string;
  @Field({ nullable: true, description: 'What the verifier computed (or the recorded head).' })
  expected?: string;
  @Field({ nullable: true, description: 'What is stored.' })
  found?: string;
  @Field({
    nullable: true,
    description:
      'When ok: `position:hash` of the last event — record it and pass it back as expectedHead next time (catches a removed or rewritten tail).',
  })
  head?: string;
}

/** Tamper evidence for auditors. */
@Resolver()
export class VerificationResolver {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Query(() => LedgerVerificationType, {
    description: 'Recompute the hash chain of the whole log (auditors and coordinators). OK, or the first broken link.',
  })
  async verifyLedger(
    @Context() ctx: GqlContext,
    @Args('expectedHead', { type: () => String, nullable: true, description: '`position:hash` from an earlier verification.' })
    expectedHead?: string,
  ): Promise<LedgerVerificationType> {
    if (ctx.authError) throw ctx.authError;
    const roles = ctx.issuer.principal.roles;
    if (!ctx.issuer.principal.sub) throw new LedgerError('UNAUTHENTICATED', 'verifyLedger needs an authenticated auditor');
    if (!roles.includes('auditor') && !roles.includes('coordinator'))
      throw new LedgerError('FORBIDDEN', 'verifyLedger is for auditors and coordinators');
    let anchor: { position: string; hash: string } | undefined;
    if (expectedHead) {
      const m = /^(\d{1,19}):([0-9a-f]{64})$/.exec(expectedHead);
      if (!m)
        throw LedgerError.validation([
          {
            field: 'expectedHead',
            rule: 'format',
            message: `expectedHead must be "position:hash" as returned in head, got "${expectedHead}"`,
          },
        ]);
      anchor = { position: m[1], hash: m[2] };
    }
    // A whole-log scan: other requests are served in between (a turn of the event loop every 1,000 events).
    const r = await verifyStore(this.store, { expectedHead: anchor, through: withEventLoopTurns });
    return {
      ok: r.ok,
      checkedEvents: r.checkedEvents,
      firstBrokenPosition: r.firstBrokenPosition,
      reason: r.reason,
      expected: r.expected,
      found: r.found,
      head: r.head ? `${r.head.position}:${r.head.hash}` : undefined,
    };
  }
}
