import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { LedgerError, type FieldProblem } from '@ledger/domain';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@ledger/event-store';
import { auditFilterProblems, auditStreams, matchesAudit, type AuditFilter } from '@ledger/projections';
import { ReadModelService } from '../projections/read-model.service';
import { pastDeadline, timeBudgetExceeded, yieldToEventLoop } from './time-budget';

/** Page sizes of the audit trail. */
export const AUDIT_PAGE_SIZE = { default: 50, max: 500 } as const;

/** A page of matching events in log order, whether more match on either side, and how many match in all (when asked). */
export interface AuditPage {
  events: RecordedEvent[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  totalCount?: number;
}

export interface AuditReadOptions {
  /** Count every match (a full scan of the candidates): only when the caller selected totalCount. */
  withTotal?: boolean;
  /** Epoch ms after which a long scan stops with QUERY_TOO_COSTLY (the request's time budget). */
  deadline?: number;
  budgetMs?: number;
}

/** Relay-style paging: `first` after a cursor (forwards), or `last` before one (backwards). */
export interface AuditPaging {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** A long scan gives the event loop a turn, and checks its deadline, every this many events. */
const SCAN_SLICE = 1000;
const CURSOR = /^\d{1,20}$/;

/**
 * The audit trail: stored events matching a filter, oldest first. Forwards: the first `size`
 * matches strictly after `cursor`. Backwards: the last `size` matches strictly before it (still
 * returned oldest first).
 */
export class GetAuditTrail extends Query<AuditPage> {
  constructor(
    readonly filter: AuditFilter,
    readonly size: number,
    readonly direction: 'forwards' | 'backwards',
    /** Exclusive: only events strictly after (forwards) or before (backwards) this log position. */
    readonly cursor?: bigint,
    readonly options: AuditReadOptions = {},
  ) {
    super();
  }

  /** From client arguments, refusing what cannot be answered (VALIDATION_FAILED, naming the field). */
  static of(filter: AuditFilter, paging: AuditPaging, options: AuditReadOptions = {}): GetAuditTrail {
    const problems: FieldProblem[] = [...auditFilterProblems(filter)];
    const given = (v: unknown) => v !== null && v !== undefined;
    const backwards = given(paging.last) || given(paging.before);
    if (backwards && (given(paging.first) || given(paging.after)))
      problems.push({
        field: given(paging.last) ? 'last' : 'before',
        rule: 'oneDirection',
        message: 'page one way at a time: first/after (forwards) or last/before (backwards), not both',
      });
    const sizeField = backwards ? 'last' : 'first';
    const size = (backwards ? paging.last : paging.first) ?? AUDIT_PAGE_SIZE.default;
    if (!Number.isInteger(size) || size < 0 || size > AUDIT_PAGE_SIZE.max)
      problems.push({
        field: sizeField,
        rule: 'range',
        message: `${sizeField} must be an integer between 0 and ${AUDIT_PAGE_SIZE.max}, got ${size}`,
      });
    const cursorField = backwards ? 'before' : 'after';
    const cursor = backwards ? paging.before : paging.after;
    if (cursor != null && !CURSOR.test(cursor))
      problems.push({
        field: cursorField,
        rule: 'cursor',
        message: `${cursorField} must be a cursor returned by auditTrail (a decimal log position), got "${cursor}"`,
      });
    if (problems.length > 0) throw LedgerError.validation(problems);
    return new GetAuditTrail(filter, size, backwards ? 'backwards' : 'forwards', cursor == null ? undefined : BigInt(cursor), options);
  }
}

/**
 * Reads the store, not a read model: the audit trail shows events exactly as written.
 * A commitment or activity filter reads one commitment stream (plus the plan's small access
 * stream); a plan filter reads the plan's streams, listed from the read model, merged by
 * position; anything else scans the log (backwards for a backwards page).
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
    const backwards = query.direction === 'backwards';
    if (streams) {
      const events = await this.readStreams(streams);
      return pageOf(backwards ? events.reverse() : events, query);
    }
    // Without a count, the page starts at its cursor (an event's position) instead of at an end of the log.
    const from = query.options.withTotal ? undefined : query.cursor;
    return pageOf(this.store.readAll({ ...(from === undefined ? {} : { fromPosition: from }), direction: query.direction }), query);
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
 * One pass over the candidates in reading order (log order, or reversed for a backwards page),
 * keeping the first `size` matches beyond the cursor. Without totalCount it stops once it knows
 * whether more follow; with it, it counts every match (a full scan of the candidates, priced as
 * such by the API's cost model). A long scan yields to the event loop every SCAN_SLICE events and
 * stops at the request's deadline. The side the cursor came from has entries whenever a cursor
 * is given (cursors are positions of matching entries).
 */
async function pageOf(candidates: AsyncIterable<RecordedEvent> | Iterable<RecordedEvent>, query: GetAuditTrail): Promise<AuditPage> {
  const { filter, size, cursor, options } = query;
  const backwards = query.direction === 'backwards';
  const beyond = (p: bigint) => cursor === undefined || (backwards ? p < cursor : p > cursor);
  const events: RecordedEvent[] = [];
  let totalCount = 0;
  let more = false;
  let scanned = 0;
  for await (const event of candidates) {
    if (++scanned % SCAN_SLICE === 0) {
      await yieldToEventLoop();
      if (pastDeadline(options.deadline)) throw timeBudgetExceeded('auditTrail', options.budgetMs ?? 0);
    }
    if (!matchesAudit(event, filter)) continue;
    totalCount++;
    if (!beyond(event.position)) continue;
    if (events.length < size) events.push(event);
    else {
      more = true;
      if (!options.withTotal) break;
    }
  }
  if (backwards) events.reverse();
  return {
    events,
    hasNextPage: backwards ? cursor !== undefined : more,
    hasPreviousPage: backwards ? more : cursor !== undefined,
    ...(options.withTotal ? { totalCount } : {}),
  };
}

export const AUDIT_QUERY_HANDLERS = [GetAuditTrailHandler];
