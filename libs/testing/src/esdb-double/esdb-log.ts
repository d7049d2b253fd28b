import { randomUUID } from 'node:crypto';
import type { ProposedEvent, StoredEvent } from './stored-event';
import { isReadable, isSoftDeleted, metaStreamOf, retentionOf, DELETED_STREAM, type StreamRetention } from './stream-metadata';

export type { ProposedEvent, StoredEvent };

export type ExpectedState = 'any' | 'no_stream' | 'stream_exists' | bigint;

export type AppendOutcome =
  | { ok: true; revision: bigint | undefined; position: bigint | undefined; prepare?: bigint }
  | { ok: false; current: bigint | 'no_stream'; deleted?: false }
  | { ok: false; deleted: true };

export type StreamRead = { kind: 'deleted' } | { kind: 'not_found' } | { kind: 'events'; events: readonly StoredEvent[] };

export interface EsdbLogOptions {
  /**
   * How many recent event ids EventStoreDB remembers for `any`/`stream_exists` idempotency (its
   * committed-events cache). Exact-revision replays look in the stream itself and need no window.
   * Default: unbounded.
   */
  dedupeWindow?: number;
}

/** Fixed per-record overhead, so positions look like byte offsets and never like a 1-step sequence. */
const RECORD_OVERHEAD = 96n;
/** Size of a legacy commit record, written after a transaction's prepares. */
const COMMIT_RECORD = 40n;

/**
 * The in-memory transaction log. Appends are synchronous, so concurrent gRPC calls are serialised
 * exactly like EventStoreDB's single writer. The expected-version and idempotency rules follow
 * EventStoreDB's IndexWriter.CheckCommit; stream reads apply `$tb`/`$maxCount`/`$maxAge` and
 * deletions as the server does (see README.md).
 */
export class EsdbLog {
  private readonly events: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly tombstoned = new Set<string>();
  /** The committed-events cache: id → event, oldest first (bounded by dedupeWindow). */
  private readonly recentIds = new Map<string, StoredEvent>();
  private readonly listeners = new Set<() => void>();
  private readonly commitHooks = new Set<(written: readonly StoredEvent[]) => void>();
  /** Like EventStoreDB, nothing of ours sits at position 0 (its first record is an epoch). */
  private nextPosition = 128n;
  /** The clock `created` and `$maxAge` use; tests move it instead of sleeping. */
  now: () => number = Date.now;

  constructor(private readonly options: EsdbLogOptions = {}) {}

  get all(): readonly StoredEvent[] {
    return this.events;
  }

  /** Every stored event of a stream, readable or not (assertions). */
  stream(name: string): readonly StoredEvent[] | undefined {
    return this.streams.get(name);
  }

  /** Wakes live subscriptions; returns the unsubscribe function. */
  onAppend(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called after each commit with the events written (projections emulation). */
  onCommit(hook: (written: readonly StoredEvent[]) => void): () => void {
    this.commitHooks.add(hook);
    return () => this.commitHooks.delete(hook);
  }

  retention(stream: string): StreamRetention {
    return retentionOf(this.streams.get(metaStreamOf(stream)));
  }

  /** A stream read as the server answers it. */
  read(stream: string): StreamRead {
    if (this.tombstoned.has(stream)) return { kind: 'deleted' };
    const events = this.streams.get(stream);
    const retention = this.retention(stream);
    if (!events || isSoftDeleted(retention)) return { kind: 'not_found' };
    const last = events.at(-1)!.revision;
    const now = this.now();
    return { kind: 'events', events: events.filter((e) => isReadable(e, last, retention, now)) };
  }

  append(stream: string, expected: ExpectedState, proposed: ProposedEvent[], legacyTransaction = false): AppendOutcome {
    if (this.tombstoned.has(stream)) return { ok: false, deleted: true };
    const existing = this.streams.get(stream);
    const current = existing ? existing.at(-1)!.revision : -1n;
    const reportCurrent = current < 0n ? 'no_stream' : current;
    const softDeleted = isSoftDeleted(this.retention(stream));
    if (expected === 'stream_exists' && softDeleted) return { ok: false, deleted: true };
    if (expected === 'stream_exists' && current < 0n) return { ok: false, current: reportCurrent };
    if (expected === 'any' || expected === 'stream_exists') {
      const replay = this.replayAnywhere(stream, proposed);
      if (replay !== 'new') return replay ?? { ok: false, current: reportCurrent };
    } else {
      const expectedNumber = expected === 'no_stream' ? -1n : expected;
      if (expectedNumber < current) {
        const replay = this.replayAfter(existing ?? [], expectedNumber, proposed);
        if (replay) return replay;
        // A soft-deleted stream takes no_stream: the write "undeletes" it, revisions go on.
        if (!(expected === 'no_stream' && softDeleted)) return { ok: false, current: reportCurrent };
      } else if (expectedNumber > current) return { ok: false, current: reportCurrent };
    }
    return this.write(stream, proposed, legacyTransaction, softDeleted);
  }

  /** Soft delete (Streams.Delete): `$tb` = DeletedStream; reads say not found, `$all` keeps the events. */
  softDelete(stream: string): AppendOutcome {
    if (this.tombstoned.has(stream)) return { ok: false, deleted: true };
    return this.setMetadata(stream, { ...this.rawMetadata(stream), $tb: Number(DELETED_STREAM) });
  }

  /** Hard delete (Streams.Tombstone): the stream can never be read or written again. */
  tombstone(stream: string): AppendOutcome {
    if (this.tombstoned.has(stream)) return { ok: false, deleted: true };
    const marker = this.record(stream, DELETED_STREAM, system('$streamDeleted', {}));
    this.events.push(marker);
    this.tombstoned.add(stream);
    this.notify([marker]);
    return { ok: true, revision: DELETED_STREAM, position: marker.position };
  }

  /** Writes `$$<stream>` metadata (what the client's setStreamMetadata does through Append). */
  setMetadata(stream: string, metadata: Record<string, unknown>): AppendOutcome {
    return this.append(metaStreamOf(stream), 'any', [system('$metadata', metadata)]);
  }

  /** Scavenge: physically removes what stream reads no longer return, from the streams and from $all. */
  scavenge(): void {
    const keep = new Set<StoredEvent>();
    for (const [name, events] of this.streams) {
      const read = this.read(name);
      const readable = read.kind === 'events' ? read.events : [];
      // The last event survives a soft delete as the stream's version marker, unreadable.
      for (const e of readable) keep.add(e);
      this.streams.set(name, readable.length > 0 ? [...readable] : events.slice(-1));
      if (readable.length === 0) keep.add(events.at(-1)!);
    }
    const survivors = this.events.filter((e) => keep.has(e) || e.metadata.get('type') === '$streamDeleted');
    this.events.splice(0, this.events.length, ...survivors);
  }

  /** Index in `all` of the first event at or after (commit, prepare) — forwards reads are inclusive. */
  indexAtOrAfter(commit: bigint, prepare = commit): number {
    let lo = 0;
    let hi = this.events.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const e = this.events[mid];
      if (e.position < commit || (e.position === commit && e.prepare < prepare)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private rawMetadata(stream: string): Record<string, unknown> {
    const last = this.streams.get(metaStreamOf(stream))?.at(-1);
    return last ? (JSON.parse(Buffer.from(last.data).toString('utf8')) as Record<string, unknown>) : {};
  }

  /** Any/StreamExists: the first id decides, looked up in the bounded cache; a partial match is WEV. */
  private replayAnywhere(stream: string, proposed: ProposedEvent[]): AppendOutcome | 'new' | undefined {
    let last: StoredEvent | undefined;
    for (const [i, p] of proposed.entries()) {
      const known = this.recentIds.get(p.id);
      if (!known || known.stream !== stream) return i === 0 ? 'new' : undefined;
      last = known;
    }
    return last ? { ok: true, revision: last.revision, position: last.position, prepare: last.prepare } : 'new';
  }

  /** Exact/NoStream behind the head: the same ids right after `expected` (read from the stream itself). */
  private replayAfter(existing: readonly StoredEvent[], expected: bigint, proposed: ProposedEvent[]): AppendOutcome | undefined {
    if (proposed.length === 0 || existing.length === 0) return undefined;
    const first = existing[0].revision;
    let last: StoredEvent | undefined;
    for (const [i, p] of proposed.entries()) {
      const at = existing[Number(expected + 1n - first) + i];
      if (!at || at.id !== p.id) return undefined;
      last = at;
    }
    return { ok: true, revision: last!.revision, position: last!.position, prepare: last!.prepare };
  }

  private write(stream: string, proposed: ProposedEvent[], legacyTransaction: boolean, undelete: boolean): AppendOutcome {
    const target = this.streams.get(stream) ?? [];
    if (proposed.length === 0) return { ok: true, revision: target.at(-1)?.revision, position: undefined };
    this.streams.set(stream, target);
    const firstRevision = (target.at(-1)?.revision ?? -1n) + 1n;
    const written = proposed.map((p, i) => this.record(stream, firstRevision + BigInt(i), p));
    if (legacyTransaction) {
      // Prepares first, then one commit record after them: every event carries its position.
      const commit = this.nextPosition;
      this.nextPosition += COMMIT_RECORD;
      for (const e of written) e.position = commit;
    }
    for (const e of written) {
      target.push(e);
      this.events.push(e);
      this.remember(e);
    }
    if (undelete) this.setMetadata(stream, { ...this.rawMetadata(stream), $tb: Number(firstRevision) });
    this.notify(written);
    const last = written.at(-1)!;
    return { ok: true, revision: last.revision, position: last.position, prepare: last.prepare };
  }

  private record(stream: string, revision: bigint, p: ProposedEvent): StoredEvent {
    const position = this.nextPosition;
    this.nextPosition += RECORD_OVERHEAD + BigInt(p.data.length + p.customMetadata.length + stream.length);
    const createdMs = this.now();
    const metadata = new Map([
      ['type', p.type],
      ['content-type', p.contentType],
      ['created', (BigInt(createdMs) * 10_000n).toString()],
    ]);
    return { id: p.id, stream, revision, position, prepare: position, createdMs, metadata, customMetadata: p.customMetadata, data: p.data };
  }

  private remember(event: StoredEvent): void {
    this.recentIds.delete(event.id);
    this.recentIds.set(event.id, event);
    const window = this.options.dedupeWindow;
    if (window === undefined) return;
    for (const oldest of this.recentIds.keys()) {
      if (this.recentIds.size <= window) break;
      this.recentIds.delete(oldest);
    }
  }

  private notify(written: readonly StoredEvent[]): void {
    for (const hook of [...this.commitHooks]) hook(written);
    for (const listener of [...this.listeners]) listener();
  }
}

/** A `$`-typed JSON event as the server writes its own (metadata, deletions, links). */
export function system(type: string, data: unknown, contentType = 'application/json'): ProposedEvent {
  const bytes = typeof data === 'string' ? data : JSON.stringify(data);
  return { id: randomUUID(), type, contentType, customMetadata: new Uint8Array(), data: Buffer.from(bytes, 'utf8') };
}
