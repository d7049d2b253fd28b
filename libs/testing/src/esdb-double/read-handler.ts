import { setImmediate as tick } from 'node:timers/promises';
import { status } from '@grpc/grpc-js';
import { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import type { EsdbContext } from './context';
import type { EsdbLog, StoredEvent } from './esdb-log';
import { compileFilter } from './event-filter';
import { eventResponse, grpcError, streamDeletedError, streamName, streamNotFoundResponse } from './messages';
import { send, type ReadCall } from './send';
import { subscribeToAll } from './subscription';

const Opt = ReadReq.Options;

/** Streams.Read: a stream or $all, forwards or backwards, bounded by count; or a $all subscription. */
export function readHandler(ctx: EsdbContext) {
  return (call: ReadCall): void => {
    const options = call.request.getOptions();
    if (!options) return void call.emit('error', grpcError(status.INVALID_ARGUMENT, 'Read requires options'));
    const isSubscription = options.getCountOptionCase() === Opt.CountOptionCase.SUBSCRIPTION;
    const isAll = options.getStreamOptionCase() === Opt.StreamOptionCase.ALL;
    if (isSubscription && !isAll) return void call.emit('error', grpcError(status.UNIMPLEMENTED, 'The double only subscribes to $all'));
    const run = isSubscription ? subscribeToAll(ctx, call, options) : read(ctx.log, call, options);
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
    // What a stream read sees: deletions and $tb/$maxCount/$maxAge apply (EventStoreDB decides at read time).
    const stream = log.read(name);
    if (stream.kind === 'deleted') return void call.emit('error', streamDeletedError(name));
    if (stream.kind === 'not_found') {
      if (await send(call, streamNotFoundResponse(name))) call.end();
      return;
    }
    source = stream.events;
    index = streamStart(source, options.getStream()!, backwards);
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
      const p = all.getPosition()!;
      const at = log.indexAtOrAfter(BigInt(p.getCommitPosition()), BigInt(p.getPreparePosition()));
      return backwards ? at - 1 : at;
    }
    case Case.END:
      return backwards ? log.all.length - 1 : log.all.length;
    default:
      return backwards ? -1 : 0;
  }
}

/**
 * A stream: revisions are inclusive both ways; Start backwards yields the first readable event,
 * like EventStoreDB. The readable events may start above revision 0 (truncated stream).
 */
function streamStart(events: readonly StoredEvent[], stream: ReadReq.Options.StreamOptions, backwards: boolean): number {
  const Case = Opt.StreamOptions.RevisionOptionCase;
  switch (stream.getRevisionOptionCase()) {
    case Case.REVISION: {
      const revision = BigInt(stream.getRevision());
      const at = events.findIndex((e) => e.revision >= revision);
      if (!backwards) return at < 0 ? events.length : at;
      if (at < 0) return events.length - 1;
      return events[at].revision === revision ? at : at - 1;
    }
    case Case.END:
      return backwards ? events.length - 1 : events.length;
    default:
      return 0;
  }
}
