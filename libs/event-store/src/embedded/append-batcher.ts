import type { AppendResult, ExpectedRevision, NewEvent } from '../event-store.port';

export interface PendingAppend {
  stream: string;
  events: NewEvent[];
  expected: ExpectedRevision;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/**
 * Group commit: appends that arrive while a flush is pending are written in one transaction
 * (one fsync), like EventStoreDB's flush-when-the-queue-empties. Each append keeps its own
 * expected-revision check and its own outcome.
 */
export class AppendBatcher {
  private queue: PendingAppend[] = [];
  private scheduled = false;

  constructor(
    private readonly flush: (batch: PendingAppend[]) => void,
    private readonly maxBatch = 512,
  ) {}

  enqueue(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ stream, events, expected, resolve, reject });
      if (this.queue.length >= this.maxBatch) this.drain();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.drain());
      }
    });
  }

  private drain(): void {
    this.scheduled = false;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        this.flush(batch);
      } catch (error) {
        for (const p of batch) p.reject(error);
      }
    }
  }
}
