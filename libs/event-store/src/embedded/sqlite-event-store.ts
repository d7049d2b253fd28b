import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { concurrencyConflict, replayOutcome, satisfies } from '../concurrency-conflict';
import { linkTo, sealEvent } from '../integrity/event-hash';
import type {
  AppendResult,
  ExpectedRevision,
  EventStore,
  HeaderCopyMismatch,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  Subscription,
  SubscriptionListener,
} from '../event-store.port';
import { LogSubscription } from '../log-subscription';
import { AppendBatcher, type PendingAppend } from './append-batcher';
import { importLogInOneTransaction, type ImportedEvent } from './sqlite-log-import';
import { SqliteCatchUpEvent } from './sqlite-catch-up-event';
import { HEADER_MISMATCH_SQL, headersOfRow, headerValues, INSERT_EVENT_SQL } from './sqlite-headers';
import { migrateSchema, type EventRow } from './sqlite-schema';

export interface SqliteEventStoreOptions {
  /** File path, or ':memory:'. */
  file: string;
  /** How often live subscriptions look for events appended by another process (ms). */
  pollIntervalMs?: number;
}

const PAGE = 2048;
/** This row's chain hash, or NULL when the row is unsealed (or its metadata is not JSON). */
const HASH_SQL = "CASE WHEN json_valid(metadata) THEN json_extract(metadata, '$.integrity.hash') END";

/**
 * Embedded event store on SQLite (better-sqlite3). WAL with synchronous=FULL: an append is
 * acknowledged only after its transaction is fsynced, so it survives kill -9 and power loss.
 * `BEGIN IMMEDIATE` plus UNIQUE(stream, revision) keep concurrent writers (even in other
 * processes) from both winning one revision. Each row's metadata carries its hash chain links
 * (`integrity`, see integrity/event-hash.ts), computed inside that same transaction.
 */
export class SqliteEventStore implements EventStore {
  readonly kind = 'embedded' as const;
  private readonly db: Database.Database;
  private readonly batcher: AppendBatcher;
  private readonly subscriptions = new Set<LogSubscription>();
  private readonly statements;
  private closed = false;

  constructor(private readonly options: SqliteEventStoreOptions) {
    if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    migrateSchema(this.db);
    this.statements = {
      head: this.db.prepare('SELECT revision FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1').pluck(),
      // The chain links, read with the hash extracted in SQL (no JSON.parse of whole metadata).
      streamHead: this.db.prepare(`SELECT revision, ${HASH_SQL} FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1`).raw(true),
      logHeadHash: this.db.prepare(`SELECT ${HASH_SQL} FROM events ORDER BY position DESC LIMIT 1`).pluck(),
      byId: this.db.prepare('SELECT stream, revision, position FROM events WHERE id = ?'),
      insert: this.db.prepare(INSERT_EVENT_SQL),
      streamFwd: this.db.prepare('SELECT * FROM events WHERE stream = ? AND revision >= ? ORDER BY revision ASC LIMIT ?'),
      streamBwd: this.db.prepare('SELECT * FROM events WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?'),
      allFwd: this.db.prepare('SELECT * FROM events WHERE position >= ? ORDER BY position ASC LIMIT ?'),
      allBwd: this.db.prepare('SELECT * FROM events WHERE position <= ? ORDER BY position DESC LIMIT ?'),
      // The metadata column only for rows without header copies (older rows): see sqlite-catch-up-event.ts.
      after: this.db
        .prepare(
          `SELECT position, stream, revision, id, type, data, created, headers, effective_at, recorded_at, command_id, schema_version,
             CASE WHEN headers = 1 THEN NULL ELSE metadata END FROM events WHERE position > ? ORDER BY position ASC LIMIT ?`,
        )
        .raw(true),
      metadataAt: this.db.prepare('SELECT metadata FROM events WHERE position = ?').pluck(),
      contentAt: this.db
        .prepare('SELECT data, headers, effective_at, CASE WHEN headers = 1 THEN NULL ELSE metadata END FROM events WHERE position = ?')
        .raw(true),
      headerMismatch: this.db.prepare(HEADER_MISMATCH_SQL),
      headPosition: this.db.prepare('SELECT max(position) FROM events').pluck(),
    };
    // Exact integers everywhere, except the catch-up read: positions stay far below 2^53 and plain
    // numbers in raw rows make replay markedly faster (BENCHMARKS.md).
    const plain: unknown[] = [this.statements.after, this.statements.metadataAt, this.statements.contentAt];
    for (const s of Object.values(this.statements)) if (!plain.includes(s)) s.safeIntegers(true);
    this.batcher = new AppendBatcher((batch) => this.flush(batch));
  }

  /** `ledger import-log`: a whole verified export in one transaction (see sqlite-log-import.ts). */
  importLog(events: AsyncIterable<ImportedEvent>, verify: () => Promise<void>): Promise<number> {
    if (this.closed) return Promise.reject(new Error('event store is closed'));
    return importLogInOneTransaction(this.db, events, verify);
  }

  /** The underlying database, for tools that must read raw rows (benchmarks, verification). */
  get database(): Database.Database {
    return this.db;
  }

  append(stream: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new Error('event store is closed'));
    if (events.length === 0) return Promise.reject(new Error('append needs at least one event'));
    return this.batcher.enqueue(stream, events, expectedRevision);
  }

  private flush(batch: PendingAppend[]): void {
    const outcomes: Array<{ ok: true; result: AppendResult } | { ok: false; error: unknown }> = [];
    const write = this.db.transaction(() => {
      // Read the log head under the write lock, once per batch: another process may have appended
      // since our last flush, so an in-memory head could be stale. One indexed lookup per batch.
      const chain = { head: linkTo(this.statements.logHeadHash.get()) };
      for (const pending of batch) {
        // Each append in its own savepoint: one that fails (e.g. a duplicate event id) is rolled
        // back alone, and the others in the batch still commit.
        const head = chain.head;
        try {
          outcomes.push(this.appendInSavepoint(pending, chain));
        } catch (error) {
          chain.head = head;
          outcomes.push({ ok: false, error });
        }
      }
    });
    write.immediate();
    for (let i = 0; i < batch.length; i++) {
      const o = outcomes[i];
      if (o.ok) batch[i].resolve(o.result);
      else batch[i].reject(o.error);
    }
    if (outcomes.some((o) => o.ok)) for (const s of this.subscriptions) s.notify();
  }

  private readonly appendInSavepoint = (pending: PendingAppend, chain: { head: string }) =>
    this.db.transaction(() => this.appendOne(pending, chain))();

  /** `chain.head`: hash of the last event of the log, advanced as this transaction inserts. */
  private appendOne(
    { stream, events, expected }: PendingAppend,
    chain: { head: string },
  ): { ok: true; result: AppendResult } | { ok: false; error: unknown } {
    const streamHead = this.statements.streamHead.get(stream) as [bigint, unknown] | undefined;
    const head: bigint | 'no_stream' = streamHead === undefined ? 'no_stream' : streamHead[0];
    const replay = this.idempotentReplay(stream, events, expected);
    if (replay) return replay;
    if (!satisfies(expected, head)) return { ok: false, error: concurrencyConflict(stream, expected, head) };
    let revision = head === 'no_stream' ? 0n : head + 1n;
    let position = 0n;
    let streamPrevHash = linkTo(streamHead?.[1]);
    const now = Date.now();
    for (const e of events) {
      const created = e.created?.getTime() ?? now;
      const sealed = sealEvent(
        { stream, revision, id: e.id, type: e.type, data: e.data, metadata: e.metadata, created: new Date(created) },
        { prevHash: chain.head, streamPrevHash },
      );
      const info = this.statements.insert.run(
        stream,
        revision,
        e.id,
        e.type,
        JSON.stringify(e.data),
        JSON.stringify(sealed.metadata),
        created,
        ...headerValues(sealed.metadata),
      );
      chain.head = streamPrevHash = sealed.hash;
      position = BigInt(info.lastInsertRowid);
      revision++;
    }
    return { ok: true, result: { nextRevision: revision - 1n, position } };
  }

  /** EventStoreDB's idempotency: the same event ids, already written right after `expected`, succeed again. */
  private idempotentReplay(
    stream: string,
    events: NewEvent[],
    expected: ExpectedRevision,
  ): { ok: true; result: AppendResult } | { ok: false; error: unknown } | undefined {
    const first = this.statements.byId.get(events[0].id) as { stream: string; revision: bigint; position: bigint } | undefined;
    if (!first) return undefined;
    const written = events.map((e) => this.statements.byId.get(e.id) as { stream: string; revision: bigint; position: bigint } | undefined);
    const outcome = replayOutcome(stream, expected, written);
    if (outcome.replay) return { ok: true, result: outcome.result };
    const headRaw = this.statements.head.get(stream) as bigint | undefined;
    return { ok: false, error: concurrencyConflict(stream, expected, headRaw ?? 'no_stream') };
  }

  async *readStream(stream: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision;
    let cursor = from === undefined || from === 'start' || from === 'end' ? (backwards ? BigInt(Number.MAX_SAFE_INTEGER) : 0n) : from;
    if ((!backwards && from === 'end') || (backwards && from === 'start')) return;
    let left = options.maxCount ?? Number.POSITIVE_INFINITY;
    while (left > 0) {
      const stmt = backwards ? this.statements.streamBwd : this.statements.streamFwd;
      const rows = stmt.all(stream, cursor, Math.min(PAGE, left)) as EventRow[];
      for (const row of rows) yield toRecorded(row);
      if (rows.length < Math.min(PAGE, left)) return;
      left -= rows.length;
      const last = BigInt(rows[rows.length - 1].revision);
      cursor = backwards ? last - 1n : last + 1n;
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    const from = options.fromPosition;
    let cursor = from === undefined || from === 'start' || from === 'end' ? (backwards ? BigInt(Number.MAX_SAFE_INTEGER) : 0n) : from;
    if ((!backwards && from === 'end') || (backwards && from === 'start')) return;
    let left = options.maxCount ?? Number.POSITIVE_INFINITY;
    while (left > 0) {
      const stmt = backwards ? this.statements.allBwd : this.statements.allFwd;
      const rows = stmt.all(cursor, Math.min(PAGE, left)) as EventRow[];
      for (const row of rows) yield toRecorded(row);
      if (rows.length < Math.min(PAGE, left)) return;
      left -= rows.length;
      const last = BigInt(rows[rows.length - 1].position);
      cursor = backwards ? last - 1n : last + 1n;
    }
  }

  /** Rows strictly after `position`, at most `limit` (the subscription's catch-up reads). */
  readAfter(position: bigint, limit: number): RecordedEvent[] {
    const rows = this.statements.after.all(position, limit) as CatchUpRow[];
    const out: RecordedEvent[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const [pos, stream, revision, id, type, data, created, flag, effectiveAt, recordedAt, commandId, schemaVersion, metadata] = rows[i];
      const headers = headersOfRow(flag, effectiveAt, recordedAt, commandId, schemaVersion);
      out[i] = new SqliteCatchUpEvent(
        id,
        stream,
        BigInt(revision),
        BigInt(pos),
        type,
        JSON.parse(data),
        new Date(created),
        headers,
        metadata,
        this.metadataAt,
      );
    }
    return out;
  }

  /**
   * The data and business date of the event at `position`, synchronously: what read models that
   * do not keep texts in memory read back when a view asks (one indexed lookup).
   */
  contentAt(position: number): { data: Record<string, unknown>; effectiveAt?: string } | undefined {
    if (this.closed) throw new Error(`event store is closed: cannot read position ${position}`);
    const row = this.statements.contentAt.get(position) as [string, number | null, string | null, string | null] | undefined;
    if (!row) return undefined;
    const [data, headers, effectiveAt, metadata] = row;
    const date = headers === 1 ? effectiveAt : (JSON.parse(metadata!) as Record<string, unknown>).effectiveAt;
    return { data: JSON.parse(data) as Record<string, unknown>, effectiveAt: typeof date === 'string' ? date : undefined };
  }

  /** The metadata of the row at `position` (a catch-up event that skipped it, asked for it). */
  private readonly metadataAt = (position: bigint): string => {
    if (this.closed) throw new Error(`event store is closed: cannot read the metadata of position ${position}`);
    const raw = this.statements.metadataAt.get(Number(position)) as string | undefined;
    if (raw === undefined) throw new Error(`no event at position ${position}`);
    return raw;
  };

  subscribeToAll(options: SubscribeToAllOptions, listener: SubscriptionListener): Subscription {
    const from = options.fromPosition === undefined || options.fromPosition === 'start' ? 0n : options.fromPosition;
    const sub = new LogSubscription(
      (after, limit) => this.readAfter(after, limit),
      from,
      listener,
      this.options.pollIntervalMs ?? 250,
      () => this.subscriptions.delete(sub),
    );
    this.subscriptions.add(sub);
    sub.start();
    return sub;
  }

  /** Tamper evidence covers the metadata; catch-up reads its copies: verification checks they agree. */
  async headerCopiesDiffer(): Promise<HeaderCopyMismatch | undefined> {
    const row = this.statements.headerMismatch.get() as { position: bigint; field: HeaderCopyMismatch['field'] } | undefined;
    return row && { position: row.position, field: row.field };
  }

  async headPosition(): Promise<bigint | undefined> {
    const p = this.statements.headPosition.get() as bigint | null;
    return p === null ? undefined : p;
  }

  /** Positions here are row ids, one per event (AUTOINCREMENT, nothing deleted); a gap would only make the hint larger. */
  async eventsAfter(position: bigint): Promise<number> {
    const head = await this.headPosition();
    return head === undefined || head <= position ? 0 : Number(head - position);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    this.db.close();
  }
}

type CatchUpRow = [
  position: number,
  stream: string,
  revision: number,
  id: string,
  type: string,
  data: string,
  created: number,
  headers: number | null,
  effectiveAt: string | null,
  recordedAt: string | null,
  commandId: string | null,
  schemaVersion: number | null,
  metadata: string | null,
];

export function toRecorded(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    stream: row.stream,
    revision: BigInt(row.revision),
    position: BigInt(row.position),
    type: row.type,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
    created: new Date(Number(row.created)),
  };
}
