import { setImmediate as tick } from 'node:timers/promises';
import { status } from '@grpc/grpc-js';
import { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import type { EsdbLog, StoredEvent } from './esdb-log';
import { compileFilter } from './event-filter';
import { eventResponse, grpcError, streamName, streamNotFoundResponse } from './messages';
import { send, type ReadCall } from './send';
import { subscribeToAll } from './subscription';

const Opt = ReadReq.Options;

/** Streams.Read: a stream or $all, forwards or backwards, bounded by count; or a $all subscription. */
export function readHandler(log: EsdbLog, sendCaughtUp: boolean) {
  return (call: ReadCall): void => {
    const options = call.request.getOptions();
    if (!options) return void call.emit('error', grpcError(status.INVALID_ARGUMENT, 'Read requires options'));
    const isSubscription = options.getCountOptionCase() === Opt.CountOptionCase.SUBSCRIPTION;
    const isAll = options.getStreamOptionCase() === Opt.StreamOptionCase.ALL;
    if (isSubscription && !isAll) return void call.emit('error', grpcError(status.UNIMPLEMENTED, 'The double only subscribes to $all'));
    const run = isSubscription ? subscribeToAll(log, call, options, sendCaughtUp) : read(log, call, options);
    run.catch((error: unknown) => call.emit('error', error instanceof Error ? error : new Error(String(error))));
  };
}

async function read(log: EsdbLog, call: ReadCall, options: ReadReq.Options): Promise<void> {
  const structured = options.getUuidOption()?.hasStructured() ?? false;
  const backwards = options.getReadDirection() === Opt.ReadDirection.BACKWARDS;
  const filter = compileFilter(options);
  let left = Number(BigInt(options.getCount() || '0'));
  let source: readonly StoredEvent[];
  let index: number;
  if (options.getStreamOptionCase() === Opt.StreamOptionCase.ALL) {
    source = log.all;
    index = allStart(log, options.getAll()!, backwards);
  } else {
    const name = streamName(options.getStream()?.getStreamIdentifier());
    const events = log.stream(name);
    if (!events) {
      if (await send(call, streamNotFoundResponse(name))) call.end();
      return;
    }
    source = events;
    index = streamStart(events.length, options.getStream()!, backwards);
  }
  const step = backwards ? -1 : 1;
  for (; left > 0 && index >= 0 && index < source.length; index += step) {
    const event = source[index];
    if (filter && !filter.matches(event)) continue;
    if (!(await send(call, eventResponse(event, structured)))) return;
    // Yield now and then so a long read does not starve the other calls.
    if (--left % 256 === 0) await tick();
  }
  call.end();
}

/** $all: forwards from a position is inclusive, backwards is exclusive (EventStoreDB's pre/post positions). */
function allStart(log: EsdbLog, all: ReadReq.Options.AllOptions, backwards: boolean): number {
  const Case = Opt.AllOptions.AllOptionCase;
  switch (all.getAllOptionCase()) {
    case Case.POSITION: {
      const at = log.indexAtOrAfter(BigInt(all.getPosition()!.getCommitPosition()));
      return backwards ? at - 1 : at;
    }
    case Case.END:
      return backwards ? log.all.length - 1 : log.all.length;
    default:
      return backwards ? -1 : 0;
  }
}

/** A stream: revisions are inclusive both ways; Start backwards yields event 0, like EventStoreDB. */
function streamStart(length: number, stream: ReadReq.Options.StreamOptions, backwards: boolean): number {
  const Case = Opt.StreamOptions.RevisionOptionCase;
  switch (stream.getRevisionOptionCase()) {
    case Case.REVISION: {
      const revision = Number(BigInt(stream.getRevision()));
      return backwards ? Math.min(revision, length - 1) : revision;
    }
    case Case.END:
      return backwards ? length - 1 : length;
    default:
      return 0;
  }
}
