import type { EventStoreDBClient, JSONType, ReadPosition } from '@eventstore/db-client';
import { concurrencyConflict } from '../concurrency-conflict';
import { GENESIS_HASH, linkToEvent, sealStreamRun, withoutIntegrity } from '../integrity/event-hash';
import { StreamHeads } from '../integrity/stream-heads';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  HiddenHistory,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  Subscription,
  SubscriptionListener,
} from '../event-store.port';
import { esdbClient } from './esdb-client';
import { isNotLeader, toStoreError, withDeadline } from './esdb-errors';
import { assertNoRetention, findHiddenHistory, historyHidden, mapDeleted } from './esdb-history';
import { drain } from './esdb-read';
import { isSystemEvent, toEsdbPosition } from './esdb-mapping';
import { EsdbSubscription } from './esdb-subscription';

export interface EsdbEventStoreOptions {
  /** An append that gets no answer within this fails with STORE_UNAVAILABLE (default 5000 ms). */
  appendTimeoutMs?: number;
}

/** $all is read in pages of at most this many events (system events are filtered out client-side). */
const PAGE = 1000;
/** Extra room in a bounded page for the system events we skip. */
const SLACK = 32;
/** Tries of an append answered NotLeader (the client switches to the named leader in between). */
const NOT_LEADER_ATTEMPTS = 3;

/**
 * EventStoreDB adapter over @eventstore/db-client (gRPC). Our `position` is the $all commit
 * position; revisions are the stream revisions. `$`-prefixed system streams and event types are
 * hidden from readAll, subscriptions and headPosition: the ledger's log is its own events only.
 *
 * Tamper evidence, limited: the server orders $all, so with several writers no client knows an
 * event's predecessor in the log: events carry the STREAM chain only (no `prevHash`, no hashed
 * `created`), and only with an exact expected revision or no_stream (the revision is known);
 * `any`/`stream_exists` appends are unsealed. The command handler always uses exact/no_stream.
 */
export class EsdbEventStore implements EventStore {
  readonly kind = 'eventstoredb' as const;
  private readonly client: EventStoreDBClient;
  private readonly ownsClient: boolean;
  private readonly appendTimeoutMs: number;
  private readonly subscriptions = new Set<EsdbSubscription>();
  /** Stream heads just read (typically by the aggregate load before an append): saves a read per append. */
  private readonly heads = new StreamHeads();
  private closed = false;
  /** Whether any call was made, i.e. whether the client may hold a channel worth closing. */
  private used = false;

  /** From a connection string (we own and close the client) or an existing client (the caller does). */
  constructor(connection: string | EventStoreDBClient, options: EsdbEventStoreOptions = {}) {
    this.ownsClient = typeof connection === 'string';
    this.client = typeof connection === 'string' ? esdbClient().EventStoreDBClient.connectionString(connection) : connection;
    this.appendTimeoutMs = options.appendTimeoutMs ?? 5000;
  }

  async append(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    this.enter();
    if (events.length === 0) throw new Error('append needs at least one event');
    const action = `append to "${stream}"`;
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.appendOnce(stream, events, expected, started, action);
      } catch (error) {
        // A follower answered NotLeader: nothing was written, and the client now points at the
        // leader it named. Send the same append there (within the same time budget).
        if (isNotLeader(error) && attempt < NOT_LEADER_ATTEMPTS && Date.now() - started < this.appendTimeoutMs) {
          await new Promise((resolve) => setTimeout(resolve, 10 * attempt));
          continue;
        }
        if (error instanceof esdbClient().WrongExpectedVersionError) throw concurrencyConflict(stream, expected, error.actualVersion);
        throw toStoreError(mapDeleted(error, stream), action, true);
      }
    }
  }

  private async appendOnce(stream: string, events: NewEvent[], expected: ExpectedRevision, started: number, action: string) {
    const payload = (await this.sealed(stream, events, expected)).map((e) =>
      esdbClient().jsonEvent({ id: e.id, type: e.type, data: e.data as JSONType, metadata: e.metadata as JSONType }),
    );
    const left = Math.max(1, this.appendTimeoutMs - (Date.now() - started)); // the head read counts too
    // BatchAppend (what servers since 21.10 advertise) has no gRPC deadline of its own, only one per
    // batch that the server enforces: if the answer is lost, only this guard ends the wait.
    const written = this.client.appendToStream(stream, payload, { expectedRevision: expected, deadline: left });
    // A little longer than the gRPC deadline, so that one reports first when it applies.
    const result = await withDeadline(written, left + 250, action);
    const revision = result.nextExpectedRevision;
    // Only with throwOnAppendFailure=false in the connection string.
    if (!result.success) throw concurrencyConflict(stream, expected, revision < 0n ? 'no_stream' : revision);
    // Servers before 21.x answer an idempotent replay without a position: look it up.
    const position = result.position?.commit ?? (await this.positionOf(stream, revision));
    return { nextRevision: revision, position };
  }

  /** The events with their stream chain link (see the class comment), or unsealed when it is unknowable. */
  private async sealed(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<NewEvent[]> {
    if (expected === 'no_stream') {
      // A soft-deleted stream would take no_stream and go on at its old revision: never link to genesis there.
      await assertNoRetention(this.client, stream, this.appendTimeoutMs);
      return sealStreamRun(stream, 0n, events, GENESIS_HASH);
    }
    if (typeof expected !== 'bigint') return events.map((e) => ({ ...e, metadata: withoutIntegrity(e.metadata) }));
    // Link to the event at the expected revision; if the stream moved on, the append fails (or is a no-op replay).
    const link = this.heads.linkAt(stream, expected) ?? (await this.linkAt(stream, expected));
    return sealStreamRun(stream, expected + 1n, events, link);
  }

  /**
   * The hash of the event at `revision`. If the server hides it ($tb, $maxCount, $maxAge, soft
   * delete), the append is refused: linking to genesis would claim the stream starts here. If
   * the stream simply has no such revision, the append will fail as a conflict anyway.
   */
  private async linkAt(stream: string, revision: bigint): Promise<string> {
    const action = `read "${stream}" at revision ${revision} to chain an append`;
    const read = drain(this.client.readStream(stream, { fromRevision: revision, maxCount: 1, deadline: this.appendTimeoutMs }), action);
    let found: RecordedEvent | undefined;
    // Read to the end (one event): returning early cancels the call, which reset the HTTP/2 session under load.
    const consume = async () => {
      for await (const e of read) found = e;
    };
    const missing = (error: unknown) => (error instanceof esdbClient().StreamNotFoundError ? undefined : Promise.reject(error));
    await withDeadline(consume(), this.appendTimeoutMs + 250, action).catch(missing);
    if (found && found.revision !== revision) {
      throw historyHidden(stream, `revision ${revision} is not readable, the first readable one is ${found.revision}`);
    }
    if (!found) await assertNoRetention(this.client, stream, this.appendTimeoutMs);
    return found ? linkToEvent(found) : GENESIS_HASH;
  }

  private async positionOf(stream: string, revision: bigint): Promise<bigint> {
    for await (const event of this.readStream(stream, { fromRevision: revision, maxCount: 1 })) return event.position;
    return -1n;
  }

  async *readStream(stream: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    this.enter();
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? 'end' : 'start');
    // EventStoreDB would return event 0 for backwards-from-start; our port reads that as empty.
    if ((!backwards && from === 'end') || (backwards && from === 'start') || (options.maxCount ?? 1) <= 0) return;
    const read = this.client.readStream(stream, {
      fromRevision: from,
      direction: backwards ? esdbClient().BACKWARDS : esdbClient().FORWARDS,
      maxCount: options.maxCount,
    });
    // Forwards, the first event must be the one asked for: a later one means the server hides history.
    const first = backwards ? undefined : from === 'start' ? 0n : typeof from === 'bigint' ? from : undefined;
    let count = 0;
    try {
      for await (const event of drain(read, `read stream "${stream}"`)) {
        if (count++ === 0 && first !== undefined && event.revision > first) {
          throw historyHidden(stream, `revision ${first} is not readable, the first readable one is ${event.revision}`);
        }
        yield this.heads.note(event);
      }
    } catch (error) {
      if (error instanceof esdbClient().StreamNotFoundError) return;
      throw mapDeleted(error, stream);
    }
    // The stream exists (no StreamNotFound) yet shows nothing from its start or end: all hidden.
    if (count === 0 && (from === 'start' || from === 'end')) throw historyHidden(stream, 'none of its events is readable');
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    this.enter();
    const backwards = options.direction === 'backwards';
    let from = options.fromPosition ?? (backwards ? 'end' : 'start');
    let left = options.maxCount ?? Number.POSITIVE_INFINITY;
    if ((!backwards && from === 'end') || (backwards && from === 'start') || left <= 0) return;
    // EventStoreDB reads $all backwards from a position exclusively; our port is inclusive.
    if (backwards && typeof from === 'bigint') {
      for await (const e of this.readAllPage(toEsdbPosition(from), false, 1)) {
        if (e && e.position === from && !isSystemEvent(e)) {
          yield e;
          left--;
        }
      }
    }
    let skip: bigint | undefined;
    while (left > 0) {
      const size = Math.min(PAGE, left + SLACK);
      let count = 0;
      let last: bigint | undefined;
      for await (const e of this.readAllPage(typeof from === 'bigint' ? toEsdbPosition(from) : from, backwards, size)) {
        count++;
        if (!e) continue;
        last = e.position;
        // Forward pages restart at the last position (inclusive), so skip the event seen already.
        if (e.position === skip || isSystemEvent(e)) continue;
        yield e;
        if (--left <= 0) return;
      }
      if (count < size || last === undefined) return;
      from = last;
      skip = backwards ? undefined : last;
    }
  }

  private readAllPage(from: ReadPosition, backwards: boolean, maxCount: number): AsyncIterable<RecordedEvent | undefined> {
    const read = this.client.readAll({
      fromPosition: from,
      direction: backwards ? esdbClient().BACKWARDS : esdbClient().FORWARDS,
      maxCount,
    });
    return drain(read, 'read $all', true);
  }

  subscribeToAll(options: SubscribeToAllOptions, listener: SubscriptionListener): Subscription {
    this.enter();
    const from = options.fromPosition ?? 'start';
    const sub = new EsdbSubscription(
      this.client,
      from,
      listener,
      () => this.headPosition(),
      () => this.subscriptions.delete(sub),
    );
    this.subscriptions.add(sub);
    sub.start();
    return sub;
  }

  async headPosition(): Promise<bigint | undefined> {
    for await (const event of this.readAll({ direction: 'backwards', fromPosition: 'end', maxCount: 1 })) return event.position;
    return undefined;
  }

  hiddenHistory(streams: Iterable<string>): Promise<HiddenHistory[]> {
    this.enter();
    return findHiddenHistory(this.client, streams);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    if (!this.ownsClient || !this.used) return;
    await this.client.dispose();
    // The client has no close(): its channel (protected) would keep sockets and timers alive.
    const channel = await (this.client as unknown as { getChannel(): Promise<{ close(): void }> }).getChannel().catch(() => undefined);
    channel?.close();
  }

  /** Every operation starts here: refuses once closed, and notes that the client is in use. */
  private enter(): void {
    if (this.closed) throw new Error('event store is closed');
    this.used = true;
  }
}
