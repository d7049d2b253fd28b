import { randomUUID } from 'node:crypto';
import { setImmediate as tick } from 'node:timers/promises';
import { status } from '@grpc/grpc-js';
import { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import type { EsdbContext, SubscriptionStats } from './context';
import { compileFilter } from './event-filter';
import { caughtUpResponse, checkpointResponse, confirmationResponse, eventResponse, fellBehindResponse, grpcError } from './messages';
import { send, type ReadCall } from './send';

const Case = ReadReq.Options.AllOptions.AllOptionCase;
/** Yield to the event loop this often during a long catch-up, so other calls still get served. */
const YIELD_EVERY = 256;

/**
 * A catch-up subscription to $all, as EventStoreDB 23.10+ serves it: confirmation, the events
 * strictly after the start position, one CaughtUp message (unless modelling an older server), then
 * live events as they are written. A filtered subscription also sends checkpoints every
 * `window × multiplier` considered events. The faults switch can hold it (nothing is sent), drop
 * it with an error status (as the server does for a dropped subscription), or make it fall behind
 * (FellBehind, catch-up from its checkpoint, CaughtUp again — no gap, no repeat).
 */
export async function subscribeToAll(ctx: EsdbContext, call: ReadCall, options: ReadReq.Options): Promise<void> {
  const { log, faults } = ctx;
  const stats: SubscriptionStats = { sent: 0, waitingForDrain: false, drains: 0 };
  const structured = options.getUuidOption()?.hasStructured() ?? false;
  const filter = compileFilter(options);
  const all = options.getAll()!;
  let index = 0;
  if (all.getAllOptionCase() === Case.END) index = log.all.length;
  else if (all.getAllOptionCase() === Case.POSITION) {
    const from = all.getPosition()!;
    index = log.indexAtOrAfter(BigInt(from.getCommitPosition()), BigInt(from.getPreparePosition()) + 1n);
  }
  const dropAfter = faults.takeDropAfter();
  let dropped = false;
  let behind = false;
  let wake: (() => void) | undefined;
  const unsubscribe = log.onAppend(() => wake?.());
  const unwatch = faults.watch(
    () => ((dropped = true), wake?.()),
    () => ((behind = true), wake?.()),
  );
  const gone = () => wake?.();
  call.on('cancelled', gone).on('close', gone);
  ctx.subscriptions.add(stats);
  try {
    await faults.whileHeld(call);
    if (!(await send(call, confirmationResponse(randomUUID()), stats))) return;
    let caughtUp = false;
    let considered = 0;
    while (!call.cancelled && !call.destroyed) {
      await faults.whileHeld(call);
      if (dropped) return void call.emit('error', dropError(faults.dropWith));
      if (behind) {
        behind = false;
        if (caughtUp && !(await send(call, fellBehindResponse(), stats))) return;
        caughtUp = false;
        continue;
      }
      if (index < log.all.length) {
        const event = log.all[index++];
        considered++;
        if (!filter || filter.matches(event)) {
          if (!(await send(call, eventResponse(event, structured), stats))) return;
          stats.sent++;
          if (dropAfter !== undefined && stats.sent >= dropAfter) dropped = true;
        }
        if (filter && considered % filter.checkpointEvery === 0) {
          if (!(await send(call, checkpointResponse(event.position, event.prepare), stats))) return;
        }
        if (considered % YIELD_EVERY === 0) await tick();
        continue;
      }
      if (!caughtUp) {
        caughtUp = true;
        if (ctx.sendCaughtUp && !(await send(call, caughtUpResponse(), stats))) return;
        continue; // re-check: events may have been written while we were sending
      }
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  } finally {
    ctx.subscriptions.delete(stats);
    unsubscribe();
    unwatch();
    call.off('cancelled', gone).off('close', gone);
  }
}

/** How EventStoreDB ends a subscription it drops: an unexpected drop reason, or the node going away. */
function dropError(kind: 'unknown' | 'unavailable') {
  return kind === 'unknown'
    ? grpcError(status.UNKNOWN, 'Unexpected SubscriptionDropReason: ProcessingQueueOverflow')
    : grpcError(status.UNAVAILABLE, 'Server Is Not Ready');
}
