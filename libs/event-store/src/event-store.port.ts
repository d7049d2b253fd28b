/**
 * The event store port. The log is the only source of truth; adapters: embedded SQLite (default),
 * EventStoreDB, in-memory (unit tests). Every adapter passes `libs/testing` contract suite.
 *
 * Revisions are per stream, 0-based. Positions are global, strictly increasing along the log,
 * comparable within one store (embedded: sequence from 1; EventStoreDB: commit position).
 */
export type ExpectedRevision = 'no_stream' | 'stream_exists' | 'any' | bigint;

export interface NewEvent {
  /** UUID; appending the same ids again after the expected revision is an idempotent success. */
  id: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  /**
   * Only when replaying an exported log into an empty ledger (`ledger import-log`): keep the
   * original record time so the hash chain comes out identical. Stores that set the time
   * themselves (EventStoreDB) ignore it.
   */
  created?: Date;
}

export interface RecordedEvent {
  id: string;
  stream: string;
  revision: bigint;
  position: bigint;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  /** When the store recorded it. */
  created: Date;
  /**
   * Copies of the metadata fields every projection reads, when the adapter has them without parsing
   * `metadata` (the embedded store's catch-up). Absent: read them from `metadata`. Never hashed.
   */
  headers?: EventHeaders;
}

/** The metadata fields projections read on every event (undefined: absent from the metadata). */
export interface EventHeaders {
  effectiveAt?: string;
  recordedAt?: string;
  commandId?: string;
  schemaVersion?: number;
}

export interface AppendResult {
  /** Revision of the last event written (the stream's current revision). */
  nextRevision: bigint;
  /** Position of the last event written. */
  position: bigint;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  /** Inclusive; default: start (forwards) or end (backwards). */
  fromRevision?: bigint | 'start' | 'end';
  direction?: Direction;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Inclusive; default: start (forwards) or end (backwards). */
  fromPosition?: bigint | 'start' | 'end';
  direction?: Direction;
  maxCount?: number;
}

export interface SubscribeToAllOptions {
  /** Exclusive: the subscription delivers events strictly after this position. Default: start. */
  fromPosition?: bigint | 'start';
}

export interface SubscriptionListener {
  /** Called in log order, one at a time; a returned promise is awaited before the next event. */
  onEvent(event: RecordedEvent): void | Promise<void>;
  /** Called once when the catch-up phase reached the head of the log (live from then on). */
  onCaughtUp?(): void;
  /** The subscription ended because of an error (connection lost, handler threw). */
  onError?(error: Error): void;
}

export interface Subscription {
  stop(): Promise<void>;
}

export interface EventStore {
  readonly kind: 'embedded' | 'eventstoredb' | 'memory';
  /** Throws StoreError CONCURRENCY_CONFLICT (details: stream, expected, actual) on a wrong expected revision. */
  append(stream: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult>;
  /** A stream that does not exist reads as empty. */
  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  subscribeToAll(options: SubscribeToAllOptions, listener: SubscriptionListener): Subscription;
  /** Position of the last event in the log, or undefined when the log is empty. */
  headPosition(): Promise<bigint | undefined>;
  /**
   * How many events follow `position`, when the store can say cheaply: stores whose positions
   * count events (embedded, memory). A hint to size read models before a catch-up; EventStoreDB's
   * positions are byte offsets, so it does not implement it.
   */
  eventsAfter?(position: bigint): Promise<number>;
  /**
   * Of these streams, those whose history the store hides or may remove. Only stores where an
   * operator can truncate or delete (EventStoreDB) implement it; verification reports what it finds.
   */
  hiddenHistory?(streams: Iterable<string>): Promise<HiddenHistory[]>;
  /**
   * Stores that keep unhashed copies of metadata fields for fast reads (embedded: `headers`) say
   * where a copy differs from the hashed metadata: the first such event, or undefined.
   */
  headerCopiesDiffer?(): Promise<HeaderCopyMismatch | undefined>;
  close(): Promise<void>;
}

/** An event whose header copy of a metadata field differs from the (hashed) metadata. */
export interface HeaderCopyMismatch {
  position: bigint;
  field: keyof EventHeaders;
}

/** A stream whose history the store hides from reads or may remove (EventStoreDB operators can). */
export interface HiddenHistory {
  stream: string;
  reason: string;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
