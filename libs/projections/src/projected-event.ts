import { EVENT_SCHEMA_VERSIONS, isLedgerEventType, type LedgerEvent } from '@ledger/domain';

/** The metadata fields every projection reads, when the store has them apart (undefined: absent). */
export interface ProjectedHeaders {
  effectiveAt?: string;
  recordedAt?: string;
  commandId?: string;
  schemaVersion?: number;
}

/** What a projection receives: a stored event with its place in the log. */
export interface ProjectedEvent {
  position: bigint;
  stream: string;
  revision: bigint;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  /** Copies of the metadata fields below (the embedded store's catch-up): read them, not `metadata`. */
  headers?: ProjectedHeaders;
}

/**
 * Turns a stored event into a typed domain event, refusing what this code cannot read (an
 * unknown type in a ledger stream, or a newer schema version) instead of guessing.
 */
export function toLedgerEvent(event: ProjectedEvent): LedgerEvent {
  if (!isLedgerEventType(event.type)) throw new Error(`unknown event type "${event.type}" in stream ${event.stream}`);
  const version = (event.headers ? event.headers.schemaVersion : event.metadata.schemaVersion) ?? 1;
  const known = EVENT_SCHEMA_VERSIONS[event.type];
  if (version !== known) throw new Error(`event ${event.type} has schema version ${String(version)}, this code reads version ${known}`);
  return { type: event.type, data: event.data } as LedgerEvent;
}

// Header accessors: the copy when the store gave one, else the metadata (parsed only then).
export function effectiveAtOf(event: ProjectedEvent): string | undefined {
  const v = event.headers ? event.headers.effectiveAt : event.metadata.effectiveAt;
  return typeof v === 'string' ? v : undefined;
}

/** recordedAt as stored (a string, or whatever an odd row holds: callers check). */
export function recordedAtOf(event: ProjectedEvent): unknown {
  return event.headers ? event.headers.recordedAt : event.metadata.recordedAt;
}

/** The raw effectiveAt (callers that must see odd values as they are). */
export function rawEffectiveAtOf(event: ProjectedEvent): unknown {
  return event.headers ? event.headers.effectiveAt : event.metadata.effectiveAt;
}

export function commandIdOf(event: ProjectedEvent): unknown {
  return event.headers ? event.headers.commandId : event.metadata.commandId;
}
