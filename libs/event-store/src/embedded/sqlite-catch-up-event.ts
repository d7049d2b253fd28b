import type { EventHeaders, RecordedEvent } from '../event-store.port';

/**
 * An event as the catch-up read delivers it: `data` parsed, the metadata fields projections read
 * in `headers` (from their own columns), and the full `metadata` parsed only if someone asks —
 * read then by position when the row's headers made the catch-up skip it. The metadata JSON, with
 * its hashes and ids, is most of a row; projections never need it.
 */
export class SqliteCatchUpEvent implements RecordedEvent {
  #metadata: Record<string, unknown> | undefined;
  readonly #raw: string | null;
  readonly #load: (position: bigint) => string;

  constructor(
    readonly id: string,
    readonly stream: string,
    readonly revision: bigint,
    readonly position: bigint,
    readonly type: string,
    readonly data: unknown,
    readonly created: Date,
    readonly headers: EventHeaders | undefined,
    raw: string | null,
    load: (position: bigint) => string,
  ) {
    this.#raw = raw;
    this.#load = load;
  }

  get metadata(): Record<string, unknown> {
    this.#metadata ??= JSON.parse(this.#raw ?? this.#load(this.position)) as Record<string, unknown>;
    return this.#metadata;
  }
}
