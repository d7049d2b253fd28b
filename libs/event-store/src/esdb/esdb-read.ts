import type { AllStreamResolvedEvent, ResolvedEvent, StreamingRead } from '@eventstore/db-client';
import { StoreError } from '../store-error';
import type { RecordedEvent } from '../event-store.port';
import { toStoreError } from './esdb-errors';
import { toRecorded } from './esdb-mapping';

/** Iterates a client read, mapping errors and cancelling the gRPC call if the consumer stops early. */
export function drain(
  read: StreamingRead<ResolvedEvent | AllStreamResolvedEvent>,
  action: string,
  keepUnresolved: true,
): AsyncIterable<RecordedEvent | undefined>;
export function drain(read: StreamingRead<ResolvedEvent | AllStreamResolvedEvent>, action: string): AsyncIterable<RecordedEvent>;
export async function* drain(
  read: StreamingRead<ResolvedEvent | AllStreamResolvedEvent>,
  action: string,
  keepUnresolved = false,
): AsyncIterable<RecordedEvent | undefined> {
  let complete = false;
  try {
    for await (const resolved of read as AsyncIterable<ResolvedEvent | AllStreamResolvedEvent>) {
      const event = toRecorded(resolved);
      if (event || keepUnresolved) yield event;
    }
    complete = true;
  } catch (error) {
    // A failed call needs no cancel; an event we refused (toRecorded) leaves the call open: cancel it.
    complete = !(error instanceof StoreError);
    throw toStoreError(error, action);
  } finally {
    if (!complete) await read.cancel().catch(() => undefined);
  }
}
