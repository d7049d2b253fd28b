import type { sendUnaryData, ServerUnaryCall } from '@grpc/grpc-js';
import { DeleteReq, DeleteResp, TombstoneReq, TombstoneResp } from '@eventstore/db-client/generated/streams_pb';
import type { EsdbContext } from './context';
import { streamDeletedError, streamName } from './messages';

/**
 * Streams.Delete (soft delete: `$tb` set to the deleted-stream marker; reads answer not found,
 * a later append undeletes it with revisions going on) and Streams.Tombstone (hard delete: reads
 * and writes answer StreamDeleted forever). The expected revision is not checked.
 */
export function deleteHandler(ctx: EsdbContext) {
  return (call: ServerUnaryCall<DeleteReq, DeleteResp>, callback: sendUnaryData<DeleteResp>): void => {
    const stream = streamName(call.request.getOptions()?.getStreamIdentifier());
    const outcome = ctx.log.softDelete(stream);
    if (!outcome.ok) return callback(streamDeletedError(stream));
    const position = new DeleteResp.Position().setCommitPosition(String(outcome.position)).setPreparePosition(String(outcome.position));
    callback(null, new DeleteResp().setPosition(position));
  };
}

export function tombstoneHandler(ctx: EsdbContext) {
  return (call: ServerUnaryCall<TombstoneReq, TombstoneResp>, callback: sendUnaryData<TombstoneResp>): void => {
    const stream = streamName(call.request.getOptions()?.getStreamIdentifier());
    const outcome = ctx.log.tombstone(stream);
    if (!outcome.ok || outcome.position === undefined) return callback(streamDeletedError(stream));
    const position = new TombstoneResp.Position().setCommitPosition(String(outcome.position)).setPreparePosition(String(outcome.position));
    callback(null, new TombstoneResp().setPosition(position));
  };
}
