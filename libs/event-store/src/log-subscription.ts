import type { RecordedEvent, Subscription, SubscriptionListener } from './event-store.port';

/**
 * A catch-up subscription over a log that can be read in pages after a position: reads pages
 * until the head (catch-up), signals caught-up, then waits for a notification (in-process
 * appends) or a poll tick (other processes) and reads again. Events reach the listener one at a
 * time, in order; a handler error ends the subscription and is reported, never skipped.
 */
export class LogSubscription implements Subscription {
  private stopped = false;
  private wake: (() => void) | undefined;
  private done: Promise<void> = Promise.resolve();

  constructor(
    private readonly readAfter: (position: bigint, limit: number) => RecordedEvent[],
    private position: bigint,
    private readonly listener: SubscriptionListener,
    private readonly pollIntervalMs: number,
    private readonly onStopped: () => void,
    private readonly pageSize = 4096,
  ) {}

  start(): void {
    this.done = this.run().catch((error: unknown) => {
      this.stopped = true;
      this.onStopped();
      this.listener.onError?.(error instanceof Error ? error : new Error(String(error)));
    });
  }

  notify(): void {
    this.wake?.();
  }

  private async run(): Promise<void> {
    let caughtUp = false;
    // Let the caller finish wiring before the first event arrives.
    await Promise.resolve();
    while (!this.stopped) {
      const page = this.readAfter(this.position, this.pageSize);
      for (const event of page) {
        if (this.stopped) return;
        const pending = this.listener.onEvent(event);
        if (pending) await pending;
        this.position = event.position;
      }
      if (page.length < this.pageSize) {
        if (!caughtUp) {
          caughtUp = true;
          this.listener.onCaughtUp?.();
        }
        await this.sleep();
      } else {
        // Yield between pages so a long catch-up does not starve the event loop.
        await new Promise<void>((r) => setImmediate(r));
      }
    }
  }

  private sleep(): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(finish, this.pollIntervalMs);
      function finish(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = undefined;
        finish();
      };
    });
  }

  async stop(): Promise<void> {
    if (this.stopped) return this.done;
    this.stopped = true;
    this.wake?.();
    this.onStopped();
    await this.done;
  }
}
