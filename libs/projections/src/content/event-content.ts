/** What the read models may need again of an event they do not keep whole: its data and business date. */
export interface StoredContent {
  data: Record<string, unknown>;
  effectiveAt?: string;
}

/**
 * Where the read models find the texts they do not hold (an action's text, a communication
 * action's fields): a log they can read back by position (the embedded store: nothing kept in
 * memory), or else what they were handed while projecting. Either way the content of position p is
 * that of the event at p, fixed forever, so a lookup never goes stale.
 */
export interface EventContentSource {
  /** Whether it keeps what `remember` gives it (then a snapshot of the read models carries it). */
  readonly inMemory: boolean;
  /** Called while projecting the event at `position` with what a view will need of it. */
  remember<T>(position: number, content: T): void;
  /** What a view needs of the event at `position`: kept, or `pick`ed from the stored event. */
  recall<T>(position: number, pick: (stored: StoredContent) => T): T;
}

/** Keeps the content in memory, by position (EventStoreDB, the in-memory store, tests, the CLI's replay). */
export class InMemoryEventContent implements EventContentSource {
  readonly inMemory = true;
  readonly entries = new Map<number, unknown>();

  remember<T>(position: number, content: T): void {
    this.entries.set(position, content);
  }

  recall<T>(position: number): T {
    if (!this.entries.has(position)) throw new Error(`no content kept for position ${position}`);
    return this.entries.get(position) as T;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** Reads content back from a log that can serve one event by position synchronously (the embedded store). */
export class LogEventContent implements EventContentSource {
  readonly inMemory = false;

  constructor(private readonly read: (position: number) => StoredContent | undefined) {}

  remember(): void {
    // The log has it.
  }

  recall<T>(position: number, pick: (stored: StoredContent) => T): T {
    const stored = this.read(position);
    if (!stored) throw new Error(`no event at position ${position} in the log`);
    return pick(stored);
  }
}
