import type { AllStreamResolvedEvent, AllStreamSubscription, EventStoreDBClient } from '@eventstore/db-client';
import { StoreError } from '../store-error';
import type { Subscription, SubscriptionListener } from '../event-store.port';
import { esdbClient } from './esdb-client';
import { isUnavailable, toStoreError } from './esdb-errors';
import { isSystemEvent, toEsdbPosition, toRecorded } from './esdb-mapping';

/** Pause the gRPC stream when this many events wait for the listener; resume below a quarter. */
const HIGH_WATER = 64;

/**
 * A catch-up subscription to $all over the client's `subscribeToAll`. Events are queued as they
 * arrive and handed to the listener strictly one at a time (the stream is paused while the queue
 * is full). Caught-up comes from the server's CaughtUp message (23.10+) or, for older servers, from
 * reaching the head position read before subscribing; whichever comes first, exactly once.
 */
export class EsdbSubscription implements Subscription {
  private stopped = false;
  private inHandler = false;
  private caughtUp = false;
  private stream: AllStreamSubscription | undefined;
  private readonly queue: AllStreamResolvedEvent[] = [];
  private received = 0;
  private processed = 0;
  /** Raw events the server sent before its CaughtUp message. */
  private caughtUpAfter: number | undefined;
  private streamError: Error | undefined;
  private wake: (() => void) | undefined;
  private done: Promise<void> = Promise.resolve();

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly from: bigint | 'start',
    private readonly listener: SubscriptionListener,
    private readonly headPosition: () => Promise<bigint | undefined>,
    private readonly onStopped: () => void,
  ) {}

  start(): void {
    this.done = this.run().catch((error: unknown) => this.fail(error));
  }

  async stop(): Promise<void> {
    if (!this.stopped) {
      this.stopped = true;
      this.wake?.();
      this.onStopped();
      await this.release();
    }
    // From inside a handler, waiting for the loop would wait for ourselves.
    if (!this.inHandler) await this.done;
  }

  private async run(): Promise<void> {
    const head = await this.headPosition();
    if (this.stopped) return;
    if (head === undefined || (this.from !== 'start' && head <= this.from)) this.markCaughtUp();
    const stream = this.client.subscribeToAll({ fromPosition: this.from === 'start' ? esdbClient().START : toEsdbPosition(this.from) });
    this.stream = stream;
    stream.on('data', (event: AllStreamResolvedEvent) => {
      this.received++;
      this.queue.push(event);
      if (this.queue.length >= HIGH_WATER) stream.pause();
      this.wake?.();
    });
    // Events pushed before CaughtUp are either already queued (received) or still buffered.
    stream.on('caughtUp', () => {
      this.caughtUpAfter ??= this.received + stream.readableLength;
      this.wake?.();
    });
    // Any end the server decides (shutdown, a dropped subscription, an unknown drop reason) is a lost
    // connection to the log for the caller: it resubscribes from its position.
    stream.on('error', (error: Error) => this.end(dropped(error)));
    stream.on('end', () => this.end(new StoreError('STORE_UNAVAILABLE', 'EventStoreDB ended the subscription to $all')));
    await this.deliver(head);
  }

  private async deliver(head: bigint | undefined): Promise<void> {
    while (!this.stopped) {
      if (this.caughtUpAfter !== undefined && this.processed >= this.caughtUpAfter) this.markCaughtUp();
      const next = this.queue.shift();
      if (!next) {
        if (this.streamError) throw this.streamError;
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = undefined;
        continue;
      }
      if (this.queue.length <= HIGH_WATER / 4 && this.stream?.isPaused()) this.stream.resume();
      const event = toRecorded(next);
      if (event && !isSystemEvent(event)) {
        this.inHandler = true;
        try {
          await this.listener.onEvent(event);
        } finally {
          this.inHandler = false;
        }
      }
      this.processed++;
      if (head !== undefined && event && event.position >= head) this.markCaughtUp();
    }
  }

  private markCaughtUp(): void {
    if (this.caughtUp || this.stopped) return;
    this.caughtUp = true;
    this.listener.onCaughtUp?.();
  }

  private end(error: Error): void {
    this.streamError ??= error;
    this.wake?.();
  }

  private async fail(error: unknown): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.onStopped();
    await this.release();
    this.listener.onError?.(error instanceof Error ? error : new Error(String(error)));
  }

  /** Cancels the gRPC call; keeps a no-op error listener so a late error cannot crash the process. */
  private async release(): Promise<void> {
    const stream = this.stream;
    this.stream = undefined;
    if (!stream) return;
    stream.removeAllListeners();
    stream.on('error', () => undefined);
    await stream.unsubscribe().catch(() => undefined);
    stream.destroy();
  }
}

function dropped(error: Error): Error {
  if (isUnavailable(error)) return toStoreError(error, 'subscription to $all') as Error;
  return new StoreError('STORE_UNAVAILABLE', `EventStoreDB dropped the subscription to $all: ${error.message}`, { reason: error.message });
}
