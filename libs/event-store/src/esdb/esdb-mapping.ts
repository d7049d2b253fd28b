import type { AllStreamResolvedEvent, Position, ResolvedEvent } from '@eventstore/db-client';
import type { RecordedEvent } from '../event-store.port';

/** What servers before 22.6 send as the $all position of an event read from a stream (ulong -1). */
const NO_POSITION = 0xffff_ffff_ffff_ffffn;

/** Our bigint position is the commit position; commit = prepare for every non-transactional write. */
export function toEsdbPosition(position: bigint): Position {
  return { commit: position, prepare: position };
}

/** `$`-prefixed streams and types are EventStoreDB's own (settings, users, stats, links). */
export function isSystemEvent(event: { stream: string; type: string }): boolean {
  return event.stream.startsWith('$') || event.type.startsWith('$');
}

/** The client's resolved event as ours; undefined for an unresolved link (we never resolve links). */
export function toRecorded(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event) return undefined;
  const commit = event.position?.commit;
  return {
    id: event.id,
    stream: event.streamId,
    revision: event.revision,
    // -1: unknown, on servers that do not report $all positions for stream reads.
    position: commit === undefined || commit === NO_POSITION ? -1n : commit,
    type: event.type,
    data: event.data,
    metadata: isPlainObject(event.metadata) ? event.metadata : {},
    created: event.created,
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
