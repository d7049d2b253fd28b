import { Inject, Injectable, Logger } from '@nestjs/common';
import { LedgerError } from '@ledger/domain';
import { EVENT_STORE, readIntegrity, SqliteEventStore, type EventStore, type RecordedEvent } from '@ledger/event-store';
import { commandIdOf, LedgerReadModel, LogEventContent, ViewCache, type ProjectedEvent, type ProjectionFailure } from '@ledger/projections';

/** An event of the log, named by position, id and (where the store seals events) chain hash. */
export interface LastEvent {
  position: bigint;
  id: string;
  hash?: string;
}

interface Waiter {
  position: bigint;
  resolve(): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * Holds the read models, the position they reflect, whether they have caught up with the log,
 * and the first projection failure. Mutations wait here for their own write (read-your-writes).
 */
/** Prefix of the commandIds the server generates when the client sends none. */
export const AUTO_COMMAND_ID_PREFIX = 'auto-';

@Injectable()
export class ReadModelService {
  private readonly logger = new Logger('Projections');
  readonly model: LedgerReadModel;
  /** The live views, computed once per log position and shared by all readers (docs/adr/0013). */
  readonly views = new ViewCache(() => this.model);
  /** Events applied so far (every stream): the log's size, for the API's cost model. */
  events = 0;
  caughtUp = false;
  /**
   * The first catch-up of this process: from which position, how many events, how long (time to
   * ready), and how long the one full garbage collection after it took, once done (large logs only).
   */
  catchUp: { from: string; events: number; ms: number; heapReleasedMs?: number } | undefined;
  failure: ProjectionFailure | undefined;
  /** Why the subscription is not running (store unreachable), if it is not. */
  disconnected: string | undefined;
  private waiters: Waiter[] = [];
  /** Told after each batch the read models applied (live updates hook in here). */
  private readonly appliedListeners = new Set<(batch: readonly ProjectedEvent[]) => void>();
  /** Told before the read models apply a batch (a snapshot being written saves what it touches first). */
  private readonly beforeListeners = new Set<(batch: readonly ProjectedEvent[]) => void>();
  /** The last event applied: a snapshot names it, so a log that no longer holds it is seen. */
  private last: RecordedEvent | LastEvent | undefined;
  /** Client-chosen commandIds → the stream they wrote to (ids the server generates start with `auto-`). */
  private readonly commandStreams = new Map<string, string>();

  constructor(@Inject(EVENT_STORE) store: EventStore) {
    // The embedded store serves an event by position synchronously: texts stay in the log, not in memory.
    const content = store instanceof SqliteEventStore ? new LogEventContent((position) => store.contentAt(position)) : undefined;
    this.model = new LedgerReadModel({ content });
  }

  /** Remembers which stream a client-chosen commandId wrote to (fed by the subscription). */
  recordCommand(event: ProjectedEvent): void {
    const id = commandIdOf(event);
    if (typeof id === 'string' && !id.startsWith(AUTO_COMMAND_ID_PREFIX) && !this.commandStreams.has(id))
      this.commandStreams.set(id, event.stream);
  }

  /** commandId → stream (it only grows): for snapshots. */
  get commands(): ReadonlyMap<string, string> {
    return this.commandStreams;
  }

  /** The last event applied (its chain hash read now, from its metadata), or undefined at position 0. */
  lastEvent(): LastEvent | undefined {
    const last = this.last;
    if (!last || !('metadata' in last)) return last;
    return { position: last.position, id: last.id, hash: readIntegrity(last.metadata)?.hash };
  }

  /** Called by the projection runner once a batch is applied. */
  appliedUpTo(event: RecordedEvent): void {
    this.last = event;
  }

  /** Takes what a snapshot restored (the read models themselves are restored in place). */
  restored(state: { events: number; commands: Iterable<[string, string]>; last: LastEvent }): void {
    this.events = state.events;
    this.commandStreams.clear();
    for (const [id, stream] of state.commands) this.commandStreams.set(id, stream);
    this.last = state.last;
  }

  /** Back to empty read models (a snapshot that could not be restored whole). */
  reset(): void {
    this.model.clear();
    this.events = 0;
    this.commandStreams.clear();
    this.last = undefined;
  }

  /** The stream a commandId was used on, as far as the read models know. */
  streamOfCommand(commandId: string): string | undefined {
    return this.commandStreams.get(commandId);
  }

  get position(): bigint {
    return this.model.position;
  }

  get ready(): boolean {
    return this.caughtUp && !this.failure && !this.disconnected;
  }

  /** Called by each projection handler that could not apply an event. */
  fail(projection: string, event: ProjectedEvent, error: unknown): void {
    if (this.failure) return;
    this.failure = {
      projection,
      position: event.position.toString(),
      stream: event.stream,
      revision: event.revision.toString(),
      eventType: event.type,
      error: error instanceof Error ? error.message : String(error),
    };
    this.logger.error(
      `projection "${projection}" stopped at position ${this.failure.position} (${event.type} in ${event.stream}@${this.failure.revision}): ${this.failure.error}`,
    );
    for (const w of this.waiters.splice(0)) {
      clearTimeout(w.timer);
      w.reject(this.failureError());
    }
  }

  failureError(): LedgerError {
    return new LedgerError(
      'ILLEGAL_STATE',
      `read models are stopped: projection "${this.failure?.projection}" failed at position ${this.failure?.position}: ${this.failure?.error}`,
      { failure: this.failure },
    );
  }

  advance(position: bigint): void {
    this.model.position = position;
    if (this.waiters.length === 0) return;
    this.waiters = this.waiters.filter((w) => {
      if (w.position > position) return true;
      clearTimeout(w.timer);
      w.resolve();
      return false;
    });
  }

  /** Registers a listener told before each batch is applied; returns its removal. */
  onBeforeApply(listener: (batch: readonly ProjectedEvent[]) => void): () => void {
    this.beforeListeners.add(listener);
    return () => this.beforeListeners.delete(listener);
  }

  /** Called by the projection runner before it hands a batch to the projections. */
  willApply(batch: readonly ProjectedEvent[]): void {
    for (const listener of this.beforeListeners) listener(batch);
  }

  /** Registers a listener told after each applied batch; returns its removal. */
  onApplied(listener: (batch: readonly ProjectedEvent[]) => void): () => void {
    this.appliedListeners.add(listener);
    return () => this.appliedListeners.delete(listener);
  }

  /** Called by the projection runner once a batch is applied and the position advanced. */
  applied(batch: readonly ProjectedEvent[]): void {
    for (const listener of this.appliedListeners) {
      try {
        listener(batch);
      } catch (error) {
        this.logger.warn(`a read-model listener failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  /** Resolves once the read models reflect `position`; bounded by `timeoutMs`. */
  waitFor(position: bigint, timeoutMs: number): Promise<void> {
    if (this.failure) return Promise.reject(this.failureError());
    if (this.model.position >= position) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.timer !== timer);
        reject(
          new LedgerError(
            'STORE_UNAVAILABLE',
            `the write at position ${position} is stored, but the read models did not reach it within ${timeoutMs} ms (they are at ${this.model.position})`,
            { position: position.toString() },
          ),
        );
      }, timeoutMs);
      this.waiters.push({ position, resolve, reject, timer });
    });
  }

  close(): void {
    for (const w of this.waiters.splice(0)) {
      clearTimeout(w.timer);
      w.reject(new Error('shutting down'));
    }
  }
}
