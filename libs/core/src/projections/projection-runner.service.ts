import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, type RecordedEvent, type Subscription } from '@ledger/event-store';
import { LedgerEventsRecorded } from './ledger-event-recorded';
import { ReadModelService } from './read-model.service';
import { RELEASE_AFTER_EVENTS, releaseHeap } from './release-heap';

/**
 * Feeds the projections from the store's subscription to $all (never from in-process publishing),
 * through the EventBus. Events delivered in one synchronous run (a catch-up page) are published as
 * one batch. Handlers are synchronous, so when `publish` returns every read model has applied the
 * batch and the position can advance; a failed projection stops the subscription.
 */
@Injectable()
export class ProjectionRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Projections');
  private subscription: Subscription | undefined;
  private buffer: RecordedEvent[] = [];
  private flushScheduled = false;
  private retries = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private stopping = false;
  private caughtUpResolve!: () => void;
  /** Resolves when the read models first reach the head of the log. */
  readonly caughtUp = new Promise<void>((r) => (this.caughtUpResolve = r));

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly eventBus: EventBus,
    private readonly readModels: ReadModelService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Stores that know how many events follow say so: the index's columns are sized once for them.
    const coming = await this.store.eventsAfter?.(this.readModels.position).catch(() => undefined);
    if (coming) this.readModels.model.history.reserve(coming);
    this.subscribe();
  }

  /**
   * Subscribes from the position the read models reflect (exclusive), so a resubscription after a
   * lost connection neither misses nor re-applies an event.
   */
  private subscribe(): void {
    if (this.stopping) return;
    const started = Date.now();
    const from = this.readModels.position;
    let count = 0;
    this.subscription = this.store.subscribeToAll(
      { fromPosition: this.readModels.position === 0n ? 'start' : this.readModels.position },
      {
        onEvent: (event) => {
          this.buffer.push(event);
          count++;
          if (!this.flushScheduled) {
            this.flushScheduled = true;
            queueMicrotask(() => this.flush());
          }
        },
        onCaughtUp: () => {
          this.flush();
          this.retries = 0;
          this.readModels.disconnected = undefined;
          this.readModels.caughtUp = true;
          const first = !this.readModels.catchUp;
          this.readModels.catchUp ??= { from: from.toString(), events: count, ms: Date.now() - started };
          this.logger.log(`read models caught up: ${count} events in ${Date.now() - started} ms, position ${this.readModels.position}`);
          this.caughtUpResolve();
          // Once, after replaying or restoring a large log: give back the heap that took (release-heap.ts).
          if (first && this.readModels.events >= RELEASE_AFTER_EVENTS)
            setImmediate(() => {
              const ms = releaseHeap();
              if (this.readModels.catchUp) this.readModels.catchUp.heapReleasedMs = ms;
              this.logger.log(`heap released after the first catch-up in ${ms} ms`);
            });
        },
        onError: (error) => {
          this.flush();
          if (this.readModels.failure || this.stopping) return;
          // The store went away: keep serving the last read models, report not ready, retry with backoff.
          this.readModels.disconnected = error.message;
          const delay = Math.min(30_000, 250 * 2 ** this.retries++);
          this.logger.warn(`subscription lost (${error.message}); resubscribing from position ${this.readModels.position} in ${delay} ms`);
          this.retryTimer = setTimeout(() => this.subscribe(), delay);
        },
      },
    );
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.buffer;
    this.buffer = [];
    if (batch.length === 0 || this.readModels.failure) return;
    this.readModels.willApply(batch);
    this.eventBus.publish(new LedgerEventsRecorded(batch));
    if (this.readModels.failure) {
      void this.subscription?.stop();
      return;
    }
    for (const event of batch) this.readModels.recordCommand(event);
    this.readModels.events += batch.length;
    this.readModels.appliedUpTo(batch[batch.length - 1]);
    this.readModels.advance(batch[batch.length - 1].position);
    this.readModels.applied(batch);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.retryTimer);
    this.readModels.close();
    await this.subscription?.stop();
  }
}
