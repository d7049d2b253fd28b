import { EVENT_SCHEMA_VERSIONS, isLedgerEventType, type LedgerEvent } from '@ledger/domain';

/** What a projection receives: a stored event with its place in the log. */
export interface ProjectedEvent {
  position: bigint;
  stream: string;
  revision: bigint;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
}

/**
 * Turns a stored event into a typed domain event, refusing what this code cannot read (an
 * unknown type in a ledger stream, or a newer schema version) instead of guessing.
 */
export function toLedgerEvent(event: ProjectedEvent): LedgerEvent {
  if (!isLedgerEventType(event.type)) throw new Error(`unknown event type "${event.type}" in stream ${event.stream}`);
  const version = event.metadata.schemaVersion ?? 1;
  const known = EVENT_SCHEMA_VERSIONS[event.type];
  if (version !== known) throw new Error(`event ${event.type} has schema version ${String(version)}, this code reads version ${known}`);
  return { type: event.type, data: event.data } as LedgerEvent;
}

export function effectiveAtOf(event: ProjectedEvent): string | undefined {
  const v = event.metadata.effectiveAt;
  return typeof v === 'string' ? v : undefined;
}
