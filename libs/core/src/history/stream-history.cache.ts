import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@ledger/event-store';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config';

interface Entry {
  revision: bigint;
  events: RecordedEvent[];
}

/**
 * Each entity's history, indexed by stream, for time travel: fed by the projections' subscription
 * (so boot fills it for free) and by reads, which only fetch what was appended since (the log is
 * append-only, so a cached prefix never changes). Bounded by a total event count
 * (LEDGER_HISTORY_INDEX_EVENTS); past it, reads evict the least recently used streams.
 */
@Injectable()
export class StreamHistoryCache {
  private readonly entries = new Map<string, Entry>();
  private size = 0;
  private readonly maxEvents: number;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LEDGER_CONFIG) config: LedgerConfig,
  ) {
    this.maxEvents = config.historyIndexEvents;
  }

  /**
   * Fed by the projections' subscription: keeps a stream's history current without reading the
   * store again. Only extends a history that starts at revision 0 and stays gapless.
   */
  record(event: RecordedEvent): void {
    const entry = this.entries.get(event.stream);
    if (entry) {
      if (event.revision === entry.revision + 1n) {
        entry.events.push(event);
        entry.revision = event.revision;
        this.size++;
      }
    } else if (event.revision === 0n && this.size < this.maxEvents) {
      this.entries.set(event.stream, { revision: 0n, events: [event] });
      this.size++;
    }
  }

  get events(): number {
    return this.size;
  }

  async read(stream: string): Promise<readonly RecordedEvent[]> {
    const entry = this.entries.get(stream) ?? { revision: -1n, events: [] };
    this.entries.delete(stream); // re-inserted below: most recently used last
    for await (const e of this.store.readStream(stream, { fromRevision: entry.revision + 1n })) {
      entry.events.push(e);
      entry.revision = e.revision;
      this.size++;
    }
    this.entries.set(stream, entry);
    for (const [key, old] of this.entries) {
      if (this.size <= this.maxEvents || key === stream) break;
      this.entries.delete(key);
      this.size -= old.events.length;
    }
    return entry.events;
  }
}
