import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { LedgerError, type FieldProblem } from '@ledger/domain';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@ledger/event-store';
import { auditFilterProblems, auditStreams, matchesAudit, type AuditFilter } from '@ledger/projections';
import { ReadModelService } from '../projections/read-model.service';
import { pastDeadline, timeBudgetExceeded, yieldToEventLoop } from './time-budget';

/** Page sizes of the audit trail. */
export const AUDIT_PAGE_SIZE = { default: 50, max: 500 } as const;

/** A page of matching events in log order, and how many match in all (when asked). */
export interface AuditPage {
  events: RecordedEvent[];
  hasNextPage: boolean;
  totalCount?: number;
}

export interface AuditReadOptions {
  /** Count every match (a full scan of the candidates): only when the caller selected totalCount. */
  withTotal?: boolean;
  /** Epoch ms after which a long scan stops with QUERY_TOO_COSTLY (the request's time budget). */
  deadline?: number;
  budgetMs?: number;
}

/** A long scan gives the event loop a turn, and checks its deadline, every this many events. */
const SCAN_SLICE = 1000;

/** The audit trail: stored events matching a filter, strictly after a log position, oldest first. */
export class GetAuditTrail extends Query<AuditPage> {
  constructor(
    readonly filter: AuditFilter,
    readonly first: number,
    /** Exclusive: only events strictly after this log position. */
    readonly after?: bigint,
    readonly options: AuditReadOptions = {},
  ) {
    super();
  }

  /** From client arguments, refusing what cannot be answered (VALIDATION_FAILED, naming the field). */
  static of(
    filter: AuditFilter,
    first: number | undefined | null,
    after: string | undefined | null,
    options: AuditReadOptions = {},
  ): GetAuditTrail {
    const problems: FieldProblem[] = [...auditFilterProblems(filter)];
    const size = first ?? AUDIT_PAGE_SIZE.default;
    if (!Number.isInteger(size) || size < 0 || size > AUDIT_PAGE_SIZE.max) {
      problems.push({
        field: 'first',
        rule: 'range',
        message: `first must be an integer between 0 and ${AUDIT_PAGE_SIZE.max}, got ${size}`,
      });
    }
    if (after != null && !/^\d{1,20}$/.test(after)) {
      problems.push({
        field: 'after',
        rule: 'cursor',
        message: `after must be a cursor returned by auditTrail (a decimal log position), got "${after}"`,
      });
    }
    if (problems.length > 0) throw LedgerError.validation(problems);
    return new GetAuditTrail(filter, size, after == null ? undefined : BigInt(after), options);
  }
}

/**
 * Reads the store, not a read model: the audit trail shows events exactly as written.
 * A commitment or activity filter reads one commitment stream (plus the plan's small access
 * stream); a plan filter reads the plan's streams, listed from the read model, merged by
 * position; anything else scans the log.
 */
@QueryHandler(GetAuditTrail)
export class GetAuditTrailHandler implements IQueryHandler<GetAuditTrail, AuditPage> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readModels: ReadModelService,
  ) {}

  async execute(query: GetAuditTrail): Promise<AuditPage> {
    // The read model may lag the store by a few ms: a commitment registered that instant can be
    // missing from a plan-filtered page until it is projected.
    const streams = auditStreams(query.filter, (planId) => this.readModels.model.commitments.ofPlan(planId).map((c) => c.state.id));
    if (streams) return pageOf(await this.readStreams(streams), query);
    // Without a count, the page starts at its cursor (an event's position) instead of at the start of the log.
    const from = query.options.withTotal ? undefined : query.after;
    return pageOf(this.store.readAll(from === undefined ? {} : { fromPosition: from }), query);
  }

  private async readStreams(streams: string[]): Promise<RecordedEvent[]> {
    const all = await Promise.all(
      streams.map(async (stream) => {
        const events: RecordedEvent[] = [];
        for await (const e of this.store.readStream(stream)) events.push(e);
        return events;
      }),
    );
    return all.flat().sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  }
}

/**
 * One pass over the candidates in log order, keeping the first `first` matches after the cursor.
 * Without totalCount it stops once it knows whether a next page exists; with it, it counts every
 * match (a full scan of the candidates, priced as such by the API's cost model). A long scan yields
 * to the event loop every SCAN_SLICE events and stops at the request's deadline.
 */
async function pageOf(candidates: AsyncIterable<RecordedEvent> | Iterable<RecordedEvent>, query: GetAuditTrail): Promise<AuditPage> {
  const { filter, first, after, options } = query;
  const events: RecordedEvent[] = [];
  let totalCount = 0;
  let hasNextPage = false;
  let scanned = 0;
  for await (const event of candidates) {
    if (++scanned % SCAN_SLICE === 0) {
      await yieldToEventLoop();
      if (pastDeadline(options.deadline)) throw timeBudgetExceeded('auditTrail', options.budgetMs ?? 0);
    }
    if (!matchesAudit(event, filter)) continue;
    totalCount++;
    if (after !== undefined && event.position <= after) continue;
    if (events.length < first) events.push(event);
    else {
      hasNextPage = true;
      if (!options.withTotal) break;
    }
  }
  return { events, hasNextPage, ...(options.withTotal ? { totalCount } : {}) };
}

export const AUDIT_QUERY_HANDLERS = [GetAuditTrailHandler];
