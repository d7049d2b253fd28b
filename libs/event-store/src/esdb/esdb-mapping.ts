import type { AllStreamResolvedEvent, Position, ResolvedEvent } from '@eventstore/db-client';
import { StoreError } from '../store-error';
import type { RecordedEvent } from '../event-store.port';

/** What servers before 22.6 send as the $all position of an event read from a stream (ulong -1). */
const NO_POSITION = 0xffff_ffff_ffff_ffffn;

/** Our bigint position is the commit position; commit = prepare for every gRPC write (see toRecorded). */
export function toEsdbPosition(position: bigint): Position {
  return { commit: position, prepare: position };
}

/** `$`-prefixed streams and types are EventStoreDB's own (settings, users, stats, metadata, `$>` links). */
export function isSystemEvent(event: { stream: string; type: string }): boolean {
  return event.stream.startsWith('$') || event.type.startsWith('$');
}

/**
 * The client's resolved event as ours; undefined for an unresolved link (we never resolve links).
 * A ledger event whose commit position differs from its prepare position (written in an explicit
 * transaction by a legacy TCP client, or by a server before implicit commits) is refused: several
 * events would share one position, and resuming after one of them would skip the others.
 */
export function toRecorded(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event) return undefined;
  const commit = event.position?.commit;
  const recorded: RecordedEvent = {
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
  const prepare = event.position?.prepare;
  if (recorded.position >= 0n && prepare !== undefined && prepare !== commit && prepare !== NO_POSITION && !isSystemEvent(recorded)) {
    throw new StoreError(
      'ILLEGAL_STATE',
      `event ${recorded.stream}@${recorded.revision} has commit position ${commit} but prepare position ${prepare} (an explicit transaction): the ledger needs one position per event and refuses to read on rather than skip or repeat events`,
      {
        stream: recorded.stream,
        revision: recorded.revision.toString(),
        commit: String(commit),
        prepare: String(prepare),
        reason: 'SHARED_POSITION',
      },
    );
  }
  return recorded;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
