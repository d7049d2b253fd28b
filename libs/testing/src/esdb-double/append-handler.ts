import { status, type sendUnaryData, type ServerReadableStream } from '@grpc/grpc-js';
import { AppendReq, AppendResp } from '@eventstore/db-client/generated/streams_pb';
import type { EsdbContext } from './context';
import type { AppendOutcome, ExpectedState, ProposedEvent } from './esdb-log';
import { empty, grpcError, notLeaderError, parseUuid, streamDeletedError, streamName, timeoutError } from './messages';

type Options = AppendReq.Options;
const Case = AppendReq.Options.ExpectedStreamRevisionCase;

/**
 * Streams.Append (client streaming): one options message, then the proposed messages. The write
 * happens when the client half-closes, atomically, like EventStoreDB's single writer. The classic
 * path: clients use it when the server does not advertise BatchAppend.
 */
export function appendHandler(ctx: EsdbContext) {
  return (call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>): void => {
    let options: Options | undefined;
    const proposed: ProposedEvent[] = [];
    let failure: Error | undefined;
    call.on('data', (req: AppendReq) => {
      if (req.hasOptions()) options = req.getOptions();
      else if (req.hasProposedMessage()) {
        const message = req.getProposedMessage()!;
        const type = message.getMetadataMap().get('type');
        const contentType = message.getMetadataMap().get('content-type');
        if (type === undefined || contentType === undefined) {
          failure ??= grpcError(status.INVALID_ARGUMENT, 'Required metadata properties are missing', 'missing-required-metadata-property', {
            'required-metadata-properties': 'type,content-type',
          });
          return;
        }
        proposed.push({
          id: parseUuid(message.getId()),
          type,
          contentType,
          customMetadata: message.getCustomMetadata_asU8(),
          data: message.getData_asU8(),
        });
      }
    });
    call.on('error', () => undefined);
    call.on('end', () => {
      if (call.cancelled) return;
      if (failure) return callback(failure);
      if (!options) return callback(grpcError(status.INVALID_ARGUMENT, 'Append requires an options message first'));
      ctx.appends.append++;
      if (ctx.faults.notLeader) return callback(notLeaderError(ctx.faults.notLeader));
      const stream = streamName(options.getStreamIdentifier());
      const expected = expectedState(options);
      ctx.faults.landLateCommits();
      if (ctx.faults.deferCommit(() => void ctx.log.append(stream, expected, proposed)))
        return callback(timeoutError('Commit phase timeout.'));
      const outcome = ctx.log.append(stream, expected, proposed);
      if (!outcome.ok && outcome.deleted) return callback(streamDeletedError(stream));
      const fate = outcome.ok ? ctx.faults.takeReplyFate() : 'send';
      if (fate === 'lose') return; // written; the reply never leaves (the client's deadline ends the call)
      if (fate === 'timeout') return callback(timeoutError('Commit phase timeout.'));
      callback(null, toResponse(outcome, expected));
    });
  };
}

function expectedState(options: Options): ExpectedState {
  switch (options.getExpectedStreamRevisionCase()) {
    case Case.REVISION:
      return BigInt(options.getRevision());
    case Case.NO_STREAM:
      return 'no_stream';
    case Case.STREAM_EXISTS:
      return 'stream_exists';
    default:
      return 'any';
  }
}

function toResponse(outcome: AppendOutcome, expected: ExpectedState): AppendResp {
  if (outcome.ok) {
    const success = new AppendResp.Success();
    if (outcome.revision === undefined) success.setNoStream(empty());
    else success.setCurrentRevision(outcome.revision.toString());
    if (outcome.position === undefined) success.setNoPosition(empty());
    else
      success.setPosition(
        new AppendResp.Position()
          .setCommitPosition(outcome.position.toString())
          .setPreparePosition((outcome.prepare ?? outcome.position).toString()),
      );
    return new AppendResp().setSuccess(success);
  }
  const wrong = new AppendResp.WrongExpectedVersion();
  if (outcome.deleted || outcome.current === 'no_stream') wrong.setCurrentNoStream(empty());
  else wrong.setCurrentRevision(outcome.current.toString());
  if (typeof expected === 'bigint') wrong.setExpectedRevision(expected.toString());
  else if (expected === 'no_stream') wrong.setExpectedNoStream(empty());
  else if (expected === 'stream_exists') wrong.setExpectedStreamExists(empty());
  else wrong.setExpectedAny(empty());
  return new AppendResp().setWrongExpectedVersion(wrong);
}
