import type { ServerWritableStream } from '@grpc/grpc-js';
import type { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { SubscriptionStats } from './context';

export type ReadCall = ServerWritableStream<ReadReq, ReadResp>;

/** Writes one response, honouring HTTP/2 flow control; false once the call is gone. */
export async function send(call: ReadCall, response: ReadResp, stats?: SubscriptionStats): Promise<boolean> {
  if (call.cancelled || call.destroyed) return false;
  if (call.write(response)) return true;
  if (stats) {
    stats.waitingForDrain = true;
    stats.drains++;
  }
  await new Promise<void>((resolve) => {
    const done = () => {
      call.off('drain', done);
      call.off('cancelled', done);
      call.off('close', done);
      resolve();
    };
    call.on('drain', done).on('cancelled', done).on('close', done);
  });
  if (stats) stats.waitingForDrain = false;
  return !call.cancelled && !call.destroyed;
}
