import type { ServerDuplexStream } from '@grpc/grpc-js';
import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Empty as PbEmpty } from 'google-protobuf/google/protobuf/empty_pb';
import { Code } from '@eventstore/db-client/generated/code_pb';
import { AllStreamPosition, StreamDeleted, Timeout, UUID, WrongExpectedVersion } from '@eventstore/db-client/generated/shared_pb';
import { Status } from '@eventstore/db-client/generated/status_pb';
import { BatchAppendReq, BatchAppendResp } from '@eventstore/db-client/generated/streams_pb';
import type { EsdbContext } from './context';
import type { AppendOutcome, ExpectedState, ProposedEvent } from './esdb-log';
import { notLeaderError, parseUuid, streamIdentifier, streamName } from './messages';

type Call = ServerDuplexStream<BatchAppendReq, BatchAppendResp>;
const Case = BatchAppendReq.Options.ExpectedStreamPositionCase;

/** EventStoreDB's default `WriteTimeoutMs`: a batch never waits longer than this for its final part. */
const WRITE_TIMEOUT_MS = 2000;

interface Pending {
  correlationId: UUID;
  stream: string;
  expected: ExpectedState;
  events: ProposedEvent[];
  timer: NodeJS.Timeout;
}

/**
 * Streams.BatchAppend, as EventStoreDB's BatchAppendWorker serves it: one bidirectional call
 * carries many appends, each identified by a correlation id; a batch may span several requests
 * (`is_final` on the last). Each answer is a BatchAppendResp with the correlation id and either a
 * success (revision, commit and prepare positions) or a google.rpc.Status whose details the
 * client unpacks: WrongExpectedVersion, StreamDeleted, Timeout. Deadlines are per batch: already
 * passed → Timeout at once; not final in time → Timeout. `NotLeader` ends the whole call, as the
 * server's envelope callback throwing does.
 */
export function batchAppendHandler(ctx: EsdbContext) {
  return (call: Call): void => {
    const pending = new Map<string, Pending>();
    let ended = false;
    const answer = (response: BatchAppendResp) => {
      if (!ended && !call.cancelled) call.write(response);
    };
    const fail = (p: Pick<Pending, 'correlationId' | 'stream'>, error: Status) =>
      answer(new BatchAppendResp().setCorrelationId(p.correlationId).setStreamIdentifier(streamIdentifier(p.stream)).setError(error));

    call.on('data', (req: BatchAppendReq) => {
      const correlationId = req.getCorrelationId() ?? new UUID();
      const key = parseUuid(correlationId);
      const options = req.getOptions();
      if (options) {
        const stream = streamName(options.getStreamIdentifier());
        const requested = options.hasDeadline() ? options.getDeadline()!.toDate().getTime() - Date.now() : Infinity;
        const timeout = Math.min(requested, WRITE_TIMEOUT_MS);
        if (timeout <= 0) return fail({ correlationId, stream }, timeoutStatus());
        const timer = setTimeout(() => pending.delete(key) && fail({ correlationId, stream }, timeoutStatus()), timeout);
        pending.set(key, { correlationId, stream, expected: expectedState(options), events: [], timer });
      }
      const batch = pending.get(key);
      if (!batch) return;
      for (const message of req.getProposedMessagesList()) {
        const meta = message.getMetadataMap();
        batch.events.push({
          id: parseUuid(message.getId()),
          type: meta.get('type') ?? '',
          contentType: meta.get('content-type') ?? 'application/octet-stream',
          customMetadata: message.getCustomMetadata_asU8(),
          data: message.getData_asU8(),
        });
      }
      if (!req.getIsFinal()) return;
      pending.delete(key);
      clearTimeout(batch.timer);
      ctx.appends.batchAppend++;
      if (ctx.faults.notLeader) {
        ended = true;
        return void call.emit('error', notLeaderError(ctx.faults.notLeader));
      }
      ctx.faults.landLateCommits();
      if (ctx.faults.deferCommit(() => void ctx.log.append(batch.stream, batch.expected, batch.events)))
        return fail(batch, timeoutStatus());
      const outcome = ctx.log.append(batch.stream, batch.expected, batch.events);
      const fate = outcome.ok ? ctx.faults.takeReplyFate() : 'send';
      if (fate === 'lose') return; // written; this answer never leaves the server
      if (fate === 'timeout') return fail(batch, timeoutStatus());
      answer(toResponse(batch, outcome));
    });
    call.on('error', () => undefined);
    call.on('end', () => {
      for (const p of pending.values()) clearTimeout(p.timer);
      if (!ended && !call.cancelled) call.end();
      ended = true;
    });
    call.on('cancelled', () => {
      for (const p of pending.values()) clearTimeout(p.timer);
      ended = true;
    });
  };
}

function expectedState(options: BatchAppendReq.Options): ExpectedState {
  switch (options.getExpectedStreamPositionCase()) {
    case Case.STREAM_POSITION:
      return BigInt(options.getStreamPosition());
    case Case.NO_STREAM:
      return 'no_stream';
    case Case.STREAM_EXISTS:
      return 'stream_exists';
    default:
      return 'any';
  }
}

function toResponse(batch: Pending, outcome: AppendOutcome): BatchAppendResp {
  const response = new BatchAppendResp().setCorrelationId(batch.correlationId).setStreamIdentifier(streamIdentifier(batch.stream));
  if (outcome.ok) {
    const success = new BatchAppendResp.Success();
    if (outcome.revision === undefined) success.setNoStream(new PbEmpty());
    else success.setCurrentRevision(outcome.revision.toString());
    if (outcome.position === undefined) success.setNoPosition(new PbEmpty());
    else
      success.setPosition(
        new AllStreamPosition()
          .setCommitPosition(outcome.position.toString())
          .setPreparePosition((outcome.prepare ?? outcome.position).toString()),
      );
    return response.setSuccess(success);
  }
  if (outcome.deleted) {
    const deleted = new StreamDeleted().setStreamIdentifier(streamIdentifier(batch.stream));
    return response.setError(status(Code.NOT_FOUND, 'StreamDeleted', deleted, 'event_store.client.StreamDeleted'));
  }
  // Status.WrongExpectedVersion: ALREADY_EXISTS with the current and the expected revision packed in.
  const wrong = new WrongExpectedVersion();
  if (outcome.current === 'no_stream') wrong.setCurrentNoStream(new PbEmpty());
  else wrong.setCurrentStreamRevision(outcome.current.toString());
  const expected = batch.expected;
  if (typeof expected === 'bigint') wrong.setExpectedStreamPosition(expected.toString());
  else if (expected === 'no_stream') wrong.setExpectedNoStream(new PbEmpty());
  else if (expected === 'stream_exists') wrong.setExpectedStreamExists(new PbEmpty());
  else wrong.setExpectedAny(new PbEmpty());
  return response.setError(status(Code.ALREADY_EXISTS, 'WrongExpectedVersion', wrong, 'event_store.client.WrongExpectedVersion'));
}

function timeoutStatus(): Status {
  return status(Code.DEADLINE_EXCEEDED, 'Timeout', new Timeout(), 'event_store.client.Timeout');
}

function status(code: Code, message: string, details: { serializeBinary(): Uint8Array }, typeName: string): Status {
  const any = new Any();
  any.pack(details.serializeBinary(), typeName);
  return new Status().setCode(code).setMessage(message).setDetails(any);
}
