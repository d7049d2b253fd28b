import type { sendUnaryData, ServerUnaryCall } from '@grpc/grpc-js';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import type { Empty } from '@eventstore/db-client/generated/shared_pb';

const STREAMS = 'event_store.client.streams.streams';

/**
 * ServerFeatures.GetSupportedMethods as EventStoreDB answers it: lower-case service and method
 * names, with the features it lists for Read and BatchAppend. With `batchAppend` the answer is a
 * 24.10 server's (the client then appends through BatchAppend); without it, a 21.6 server's (before
 * BatchAppend: the client uses the classic Append).
 */
export function supportedMethods(batchAppend: boolean) {
  const method = (service: string, name: string, features: string[] = []) =>
    new SupportedMethod().setServiceName(service).setMethodName(name).setFeaturesList(features);
  const methods = [
    method(STREAMS, 'read', ['position', 'events']),
    method(STREAMS, 'append'),
    method(STREAMS, 'delete'),
    method(STREAMS, 'tombstone'),
    ...(batchAppend ? [method(STREAMS, 'batchappend', ['deadline_duration'])] : []),
    method('event_store.client.server_features.serverfeatures', 'getsupportedmethods'),
  ];
  const answer = new SupportedMethods().setMethodsList(methods).setEventStoreServerVersion(batchAppend ? '24.10.0' : '21.6.0');
  return (_call: ServerUnaryCall<Empty, SupportedMethods>, callback: sendUnaryData<SupportedMethods>): void => callback(null, answer);
}
