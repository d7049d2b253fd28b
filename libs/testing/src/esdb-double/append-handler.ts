import { status, type sendUnaryData, type ServerReadableStream } from '@grpc/grpc-js';
import { AppendReq, AppendResp } from '@eventstore/db-client/generated/streams_pb';
import type { AppendOutcome, EsdbLog, ExpectedState, ProposedEvent } from './esdb-log';
import { empty, grpcError, parseUuid, streamName } from './messages';

type Options = AppendReq.Options;
const Case = AppendReq.Options.ExpectedStreamRevisionCase;

/**
 * Streams.Append (client streaming): one options message, then the proposed messages. The write
 * happens when the client half-closes, atomically, like EventStoreDB's single writer.
 */
export function appendHandler(log: EsdbLog) {
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
      const expected = expectedState(options);
      callback(null, toResponse(log.append(streamName(options.getStreamIdentifier()), expected, proposed), expected));
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
        new AppendResp.Position().setCommitPosition(outcome.position.toString()).setPreparePosition(outcome.position.toString()),
      );
    return new AppendResp().setSuccess(success);
  }
  const wrong = new AppendResp.WrongExpectedVersion();
  if (outcome.current === 'no_stream') wrong.setCurrentNoStream(empty());
  else wrong.setCurrentRevision(outcome.current.toString());
  if (typeof expected === 'bigint') wrong.setExpectedRevision(expected.toString());
  else if (expected === 'no_stream') wrong.setExpectedNoStream(empty());
  else if (expected === 'stream_exists') wrong.setExpectedStreamExists(empty());
  else wrong.setExpectedAny(empty());
  return new AppendResp().setWrongExpectedVersion(wrong);
}
