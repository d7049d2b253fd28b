import type { EventStore, RecordedEvent } from '@ledger/event-store';

/** What was written for one commandId in a stream: enough to answer a retry. */
export interface WrittenCommand {
  hash: string;
  lastRevision: bigint;
  position: bigint;
}

export interface LoadedStream<S> {
  state: S;
  /** Revision of the last event, or -1n when the stream does not exist. */
  revision: bigint;
  commands: Map<string, WrittenCommand>;
}

/**
 * Folds streams into decision state, remembering each stream's state and revision so the next
 * command reads only the events appended since (by this or any other process). Always reads the
 * store: a cached entry is a starting point, never the answer.
 */
export class AggregateCache {
  private readonly entries = new Map<string, LoadedStream<unknown>>();

  constructor(
    private readonly store: EventStore,
    private readonly maxEntries = 10_000,
  ) {}

  async load<S>(stream: string, initial: S, evolve: (state: S, event: RecordedEvent) => S): Promise<LoadedStream<S>> {
    const cached = this.entries.get(stream) as LoadedStream<S> | undefined;
    let state = cached?.state ?? initial;
    let revision = cached?.revision ?? -1n;
    const commands = new Map(cached?.commands ?? []);
    for await (const event of this.store.readStream(stream, { fromRevision: revision + 1n })) {
      state = evolve(state, event);
      revision = event.revision;
      const commandId = event.metadata.commandId;
      if (typeof commandId === 'string') {
        commands.set(commandId, { hash: String(event.metadata.commandHash), lastRevision: event.revision, position: event.position });
      }
    }
    const loaded = { state, revision, commands };
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(stream, loaded);
    return loaded;
  }
}
