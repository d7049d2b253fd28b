import { randomUUID } from 'node:crypto';
import { setImmediate as tick } from 'node:timers/promises';
import { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import type { EsdbLog } from './esdb-log';
import { compileFilter } from './event-filter';
import { caughtUpResponse, checkpointResponse, confirmationResponse, eventResponse } from './messages';
import { send, type ReadCall } from './send';

const Case = ReadReq.Options.AllOptions.AllOptionCase;
/** Yield to the event loop this often during a long catch-up, so other calls still get served. */
const YIELD_EVERY = 256;

/**
 * A catch-up subscription to $all, as EventStoreDB 23.10+ serves it: confirmation, the events
 * strictly after the start position, one CaughtUp message (unless modelling an older server), then
 * live events as they are written.
 * A filtered subscription also sends checkpoints every `window × multiplier` considered events.
 */
export async function subscribeToAll(log: EsdbLog, call: ReadCall, options: ReadReq.Options, sendCaughtUp = true): Promise<void> {
  const structured = options.getUuidOption()?.hasStructured() ?? false;
  const filter = compileFilter(options);
  const all = options.getAll()!;
  let index =
    all.getAllOptionCase() === Case.POSITION
      ? log.indexAtOrAfter(BigInt(all.getPosition()!.getCommitPosition()) + 1n)
      : all.getAllOptionCase() === Case.END
        ? log.all.length
        : 0;
  let wake: (() => void) | undefined;
  const unsubscribe = log.onAppend(() => wake?.());
  const gone = () => wake?.();
  call.on('cancelled', gone).on('close', gone);
  try {
    if (!(await send(call, confirmationResponse(randomUUID())))) return;
    let caughtUp = false;
    let considered = 0;
    while (!call.cancelled && !call.destroyed) {
      if (index < log.all.length) {
        const event = log.all[index++];
        considered++;
        if (!filter || filter.matches(event)) {
          if (!(await send(call, eventResponse(event, structured)))) return;
        }
        if (filter && considered % filter.checkpointEvery === 0) {
          if (!(await send(call, checkpointResponse(event.position)))) return;
        }
        if (considered % YIELD_EVERY === 0) await tick();
        continue;
      }
      if (!caughtUp) {
        caughtUp = true;
        if (sendCaughtUp && !(await send(call, caughtUpResponse()))) return;
        continue; // re-check: events may have been written while we were sending
      }
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  } finally {
    unsubscribe();
    call.off('cancelled', gone).off('close', gone);
  }
}
