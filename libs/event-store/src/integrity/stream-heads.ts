import type { RecordedEvent } from '../event-store.port';
import { linkToEvent } from './event-hash';

/**
 * The chain link of recently read stream events, by stream: lets an adapter that must look up the
 * hash of a stream's last event (EventStoreDB) skip that read when it has just read the event.
 * Fed only with events read from the store, never with what we sent: an append may turn out to be
 * an idempotent replay, leaving the originally stored events (and their hashes) in place. Sound
 * because a stored event never changes at its (stream, revision).
 */
export class StreamHeads {
  private readonly heads = new Map<string, { revision: bigint; link: string }>();

  constructor(private readonly maxEntries = 10_000) {}

  /** Remembers an event read from the store (call it for each one a stream read yields); returns it. */
  note(event: RecordedEvent): RecordedEvent {
    const known = this.heads.get(event.stream);
    if (known && known.revision >= event.revision) return event;
    if (!known && this.heads.size >= this.maxEntries) this.heads.delete(this.heads.keys().next().value as string);
    this.heads.set(event.stream, { revision: event.revision, link: linkToEvent(event) });
    return event;
  }

  /** The link to the event at `revision` of `stream`, when that is the last one read. */
  linkAt(stream: string, revision: bigint): string | undefined {
    const known = this.heads.get(stream);
    return known?.revision === revision ? known.link : undefined;
  }
}
