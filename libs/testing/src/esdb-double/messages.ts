import { Metadata, status, type ServerErrorResponse } from '@grpc/grpc-js';
import { Empty, StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';
import { ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { StoredEvent } from './esdb-log';

export function streamName(identifier: StreamIdentifier | undefined): string {
  return Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');
}

export function streamIdentifier(name: string): StreamIdentifier {
  return new StreamIdentifier().setStreamName(Uint8Array.from(Buffer.from(name, 'utf8')));
}

/** UUIDs arrive either as a string or as two signed 64-bit halves (the "structured" option). */
export function parseUuid(uuid: UUID | undefined): string {
  if (!uuid) return '';
  if (!uuid.hasStructured()) return uuid.getString();
  const s = uuid.getStructured()!;
  const hex = [s.getMostSignificantBits(), s.getLeastSignificantBits()]
    .map((half) => BigInt.asUintN(64, BigInt(half)).toString(16).padStart(16, '0'))
    .join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function toUuid(id: string, structured: boolean): UUID {
  const uuid = new UUID();
  if (!structured) return uuid.setString(id);
  const hex = id.replace(/-/g, '');
  const half = (h: string) => BigInt.asIntN(64, BigInt(`0x${h}`)).toString();
  return uuid.setStructured(
    new UUID.Structured().setMostSignificantBits(half(hex.slice(0, 16))).setLeastSignificantBits(half(hex.slice(16))),
  );
}

/** A ReadResp carrying one event, positioned as EventStoreDB 22.6+ does for stream and $all reads. */
export function eventResponse(event: StoredEvent, structuredIds: boolean): ReadResp {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(toUuid(event.id, structuredIds))
    .setStreamIdentifier(streamIdentifier(event.stream))
    .setStreamRevision(event.revision.toString())
    .setCommitPosition(event.position.toString())
    .setPreparePosition(event.prepare.toString())
    .setCustomMetadata(event.customMetadata)
    .setData(event.data);
  for (const [key, value] of event.metadata) recorded.getMetadataMap().set(key, value);
  const read = new ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(event.position.toString());
  return new ReadResp().setEvent(read);
}

export function checkpointResponse(commit: bigint, prepare = commit): ReadResp {
  const checkpoint = new ReadResp.Checkpoint().setCommitPosition(commit.toString()).setPreparePosition(prepare.toString());
  return new ReadResp().setCheckpoint(checkpoint);
}

export function streamNotFoundResponse(name: string): ReadResp {
  return new ReadResp().setStreamNotFound(new ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(name)));
}

export function confirmationResponse(id: string): ReadResp {
  return new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(id));
}

export function caughtUpResponse(): ReadResp {
  return new ReadResp().setCaughtUp(new ReadResp.CaughtUp());
}

export function fellBehindResponse(): ReadResp {
  return new ReadResp().setFellBehind(new ReadResp.FellBehind());
}

export const empty = (): Empty => new Empty();

/** A gRPC error the way EventStoreDB shapes them: the client switches on the `exception` trailer. */
export function grpcError(code: status, message: string, exception?: string, extra: Record<string, string> = {}): ServerErrorResponse {
  const metadata = new Metadata();
  if (exception) metadata.set('exception', exception);
  for (const [key, value] of Object.entries(extra)) metadata.set(key, value);
  return Object.assign(new Error(message), { code, details: message, metadata });
}

/** RpcExceptions.LeaderInfo: what a follower answers a `requires-leader` call (NOT_FOUND + leader endpoint). */
export function notLeaderError(leader: { host: string; port: number }): ServerErrorResponse {
  return grpcError(status.NOT_FOUND, 'Leader info available', 'not-leader', {
    'leader-endpoint-host': leader.host,
    'leader-endpoint-port': String(leader.port),
  });
}

/** RpcExceptions.StreamDeleted: reading or writing a tombstoned stream. */
export function streamDeletedError(stream: string): ServerErrorResponse {
  return grpcError(status.FAILED_PRECONDITION, `Event stream '${stream}' is deleted.`, 'stream-deleted', { 'stream-name': stream });
}

/** RpcExceptions.Timeout: an operation that timed out on the server (the client maps ABORTED to a timeout). */
export function timeoutError(message: string): ServerErrorResponse {
  return grpcError(status.ABORTED, `Operation timed out: ${message}`);
}
