/** One event as the double stores it: what EventStoreDB returns in a ReadResp.RecordedEvent. */
export interface StoredEvent {
  id: string;
  stream: string;
  revision: bigint;
  /** Log position; the double has no explicit transactions, so commit = prepare = this. */
  position: bigint;
  /** System metadata: type, content-type, created. */
  metadata: Map<string, string>;
  customMetadata: Uint8Array;
  data: Uint8Array;
}

export interface ProposedEvent {
  id: string;
  type: string;
  contentType: string;
  customMetadata: Uint8Array;
  data: Uint8Array;
}

export type ExpectedState = 'any' | 'no_stream' | 'stream_exists' | bigint;

export type AppendOutcome =
  { ok: true; revision: bigint | undefined; position: bigint | undefined } | { ok: false; current: bigint | 'no_stream' };

/** Fixed per-record overhead, so positions look like byte offsets and never like a 1-step sequence. */
const RECORD_OVERHEAD = 96n;
/** .NET ticks per millisecond; EventStoreDB sends `created` as ticks since the Unix epoch. */
const TICKS_PER_MS = 10_000n;

/**
 * The in-memory transaction log. Appends are synchronous, so concurrent gRPC calls are serialised
 * exactly like EventStoreDB's single writer. The expected-version and idempotency rules follow
 * EventStoreDB's IndexWriter.CheckCommit (with an unbounded event-id cache).
 */
export class EsdbLog {
  private readonly events: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly byId = new Map<string, StoredEvent>();
  private readonly listeners = new Set<() => void>();
  /** Like EventStoreDB, nothing of ours sits at position 0 (its first record is an epoch). */
  private nextPosition = 128n;

  get all(): readonly StoredEvent[] {
    return this.events;
  }

  stream(name: string): readonly StoredEvent[] | undefined {
    return this.streams.get(name);
  }

  /** Wakes live subscriptions; returns the unsubscribe function. */
  onAppend(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  append(stream: string, expected: ExpectedState, proposed: ProposedEvent[]): AppendOutcome {
    const existing = this.streams.get(stream);
    const current = existing ? BigInt(existing.length - 1) : -1n;
    const reportCurrent = current < 0n ? 'no_stream' : current;
    if (expected === 'stream_exists' && current < 0n) return { ok: false, current: reportCurrent };
    if (expected === 'any' || expected === 'stream_exists') {
      const replay = this.replayAnywhere(stream, proposed);
      if (replay !== 'new') return replay ?? { ok: false, current: reportCurrent };
    } else {
      const expectedNumber = expected === 'no_stream' ? -1n : expected;
      if (expectedNumber < current) {
        return this.replayAfter(existing ?? [], expectedNumber, proposed) ?? { ok: false, current: reportCurrent };
      }
      if (expectedNumber > current) return { ok: false, current: reportCurrent };
    }
    return this.write(stream, proposed);
  }

  /** Any/StreamExists: the first id decides; a partial match is "corrupted idempotency" (WEV). */
  private replayAnywhere(stream: string, proposed: ProposedEvent[]): AppendOutcome | 'new' | undefined {
    let last: StoredEvent | undefined;
    for (const [i, p] of proposed.entries()) {
      const known = this.byId.get(p.id);
      if (!known || known.stream !== stream) return i === 0 ? 'new' : undefined;
      last = known;
    }
    return last ? { ok: true, revision: last.revision, position: last.position } : 'new';
  }

  /** Exact/NoStream behind the head: the same ids right after `expected` are an idempotent success. */
  private replayAfter(existing: readonly StoredEvent[], expected: bigint, proposed: ProposedEvent[]): AppendOutcome | undefined {
    if (proposed.length === 0) return undefined;
    let last: StoredEvent | undefined;
    for (const [i, p] of proposed.entries()) {
      const at = existing[Number(expected + 1n) + i];
      if (!at || at.id !== p.id) return undefined;
      last = at;
    }
    return { ok: true, revision: last!.revision, position: last!.position };
  }

  private write(stream: string, proposed: ProposedEvent[]): AppendOutcome {
    const target = this.streams.get(stream) ?? [];
    if (proposed.length === 0) {
      const head = target.at(-1);
      return { ok: true, revision: head?.revision, position: undefined };
    }
    this.streams.set(stream, target);
    const created = (BigInt(Date.now()) * TICKS_PER_MS).toString();
    for (const p of proposed) {
      const event: StoredEvent = {
        id: p.id,
        stream,
        revision: BigInt(target.length),
        position: this.nextPosition,
        metadata: new Map([
          ['type', p.type],
          ['content-type', p.contentType],
          ['created', created],
        ]),
        customMetadata: p.customMetadata,
        data: p.data,
      };
      this.nextPosition += RECORD_OVERHEAD + BigInt(p.data.length + p.customMetadata.length + stream.length);
      target.push(event);
      this.events.push(event);
      this.byId.set(p.id, event);
    }
    const last = target[target.length - 1];
    for (const listener of [...this.listeners]) listener();
    return { ok: true, revision: last.revision, position: last.position };
  }

  /** Index of the first event at or after `position` (forwards reads are inclusive). */
  indexAtOrAfter(position: bigint): number {
    let lo = 0;
    let hi = this.events.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.events[mid].position < position) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
