import { concurrencyConflict, replayOutcome, satisfies } from '../concurrency-conflict';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  Subscription,
  SubscriptionListener,
} from '../event-store.port';
import { linkToEvent, sealEvent } from '../integrity/event-hash';
import { LogSubscription } from '../log-subscription';

/** In-memory event store for unit tests: same contract (hash chain included), nothing durable. */
export class InMemoryEventStore implements EventStore {
  readonly kind = 'memory' as const;
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly ids = new Map<string, RecordedEvent>();
  private readonly subscriptions = new Set<LogSubscription>();

  async append(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    const existing = this.streams.get(stream) ?? [];
    const head: bigint | 'no_stream' = existing.length === 0 ? 'no_stream' : BigInt(existing.length - 1);
    if (this.ids.has(events[0].id)) {
      const outcome = replayOutcome(
        stream,
        expected,
        events.map((e) => this.ids.get(e.id)),
      );
      if (outcome.replay) return outcome.result;
      throw concurrencyConflict(stream, expected, head);
    }
    if (!satisfies(expected, head)) throw concurrencyConflict(stream, expected, head);
    const now = new Date();
    for (const e of events) {
      const created = e.created ?? now;
      const revision = BigInt(existing.length);
      const links = { prevHash: linkToEvent(this.log[this.log.length - 1]), streamPrevHash: linkToEvent(existing[existing.length - 1]) };
      const { metadata } = sealEvent({ stream, revision, id: e.id, type: e.type, data: e.data, metadata: e.metadata, created }, links);
      const recorded: RecordedEvent = {
        id: e.id,
        stream,
        revision,
        position: BigInt(this.log.length + 1),
        type: e.type,
        // Copy like a real store would (callers must not share mutable objects with the log).
        data: structuredClone(e.data),
        metadata: structuredClone(metadata),
        created,
      };
      existing.push(recorded);
      this.log.push(recorded);
      this.ids.set(e.id, recorded);
    }
    this.streams.set(stream, existing);
    for (const s of this.subscriptions) s.notify();
    const last = existing[existing.length - 1];
    return { nextRevision: last.revision, position: last.position };
  }

  async *readStream(stream: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    yield* page(this.streams.get(stream) ?? [], (e) => e.revision, options.fromRevision, options.direction, options.maxCount);
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    yield* page(this.log, (e) => e.position, options.fromPosition, options.direction, options.maxCount);
  }

  subscribeToAll(options: SubscribeToAllOptions, listener: SubscriptionListener): Subscription {
    const from = options.fromPosition === undefined || options.fromPosition === 'start' ? 0n : options.fromPosition;
    const readAfter = (after: bigint, limit: number): RecordedEvent[] => {
      const start = Number(after); // positions are 1-based indexes + 1
      return this.log.slice(start, start + limit);
    };
    const sub = new LogSubscription(readAfter, from, listener, 1000, () => this.subscriptions.delete(sub));
    this.subscriptions.add(sub);
    sub.start();
    return sub;
  }

  async headPosition(): Promise<bigint | undefined> {
    return this.log.length === 0 ? undefined : BigInt(this.log.length);
  }

  async eventsAfter(position: bigint): Promise<number> {
    return Math.max(0, this.log.length - Number(position));
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
  }
}

function page(
  items: RecordedEvent[],
  key: (e: RecordedEvent) => bigint,
  from: bigint | 'start' | 'end' | undefined,
  direction: 'forwards' | 'backwards' = 'forwards',
  maxCount = Number.POSITIVE_INFINITY,
): RecordedEvent[] {
  const backwards = direction === 'backwards';
  let selected: RecordedEvent[];
  if (from === undefined || from === 'start' || from === 'end') {
    if ((from === 'end' && !backwards) || (from === 'start' && backwards)) selected = [];
    else selected = backwards ? [...items].reverse() : items;
  } else {
    selected = backwards ? items.filter((e) => key(e) <= from).reverse() : items.filter((e) => key(e) >= from);
  }
  return selected.slice(0, maxCount);
}
