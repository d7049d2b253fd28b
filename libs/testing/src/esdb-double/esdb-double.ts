import { Server, ServerCredentials, type sendUnaryData, type ServerUnaryCall } from '@grpc/grpc-js';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import type { Empty } from '@eventstore/db-client/generated/shared_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { randomUUID } from 'node:crypto';
import { appendHandler } from './append-handler';
import { EsdbLog } from './esdb-log';
import { readHandler } from './read-handler';

export interface EsdbDoubleOptions {
  /** Default 0: an ephemeral port. */
  port?: number;
  /** Write a few `$`-prefixed system events first, as a fresh EventStoreDB has (default true). */
  seedSystemEvents?: boolean;
  /** Send CaughtUp to subscriptions, as EventStoreDB 23.10+ does (default true; false models older servers). */
  sendCaughtUp?: boolean;
}

export interface EsdbDouble {
  /** e.g. `esdb://127.0.0.1:41234?tls=false` */
  readonly connectionString: string;
  readonly port: number;
  /** The in-memory log, for assertions and for writing system events behind the client's back. */
  readonly log: EsdbLog;
  /** Drops every connection and call (forceShutdown) and stops listening; the log is kept. */
  stop(): Promise<void>;
  /** Listens again on the same port with the same log (after `stop()`, e.g. in resilience tests). */
  restart(): Promise<void>;
}

const SERVER_VERSION = '23.10.0-esdb-double';

/** Starts an EventStoreDB stand-in on 127.0.0.1 speaking the real gRPC protocol (see README.md). */
export async function startEsdbDouble(options: EsdbDoubleOptions = {}): Promise<EsdbDouble> {
  const log = new EsdbLog();
  if (options.seedSystemEvents ?? true) seedSystemEvents(log);
  const sendCaughtUp = options.sendCaughtUp ?? true;
  let server: Server | undefined = createServer(log, sendCaughtUp);
  const port = await bind(server, options.port ?? 0);
  return {
    connectionString: `esdb://127.0.0.1:${port}?tls=false`,
    port,
    log,
    async stop() {
      server?.forceShutdown();
      server = undefined;
    },
    async restart() {
      server?.forceShutdown();
      server = createServer(log, sendCaughtUp);
      await bind(server, port);
    },
  };
}

function createServer(log: EsdbLog, sendCaughtUp: boolean): Server {
  const server = new Server();
  // Delete, Tombstone and BatchAppend are left out: grpc-js answers UNIMPLEMENTED for them, and
  // since BatchAppend is not advertised the client uses the classic Append.
  server.addService(StreamsService, { read: readHandler(log, sendCaughtUp), append: appendHandler(log) });
  server.addService(ServerFeaturesService, { getSupportedMethods: supportedMethods });
  return server;
}

function supportedMethods(_call: ServerUnaryCall<Empty, SupportedMethods>, callback: sendUnaryData<SupportedMethods>): void {
  const method = (service: string, name: string, features: string[] = []) =>
    new SupportedMethod().setServiceName(service).setMethodName(name).setFeaturesList(features);
  const methods = [
    method('event_store.client.streams.Streams', 'Read', ['position', 'events']),
    method('event_store.client.streams.Streams', 'Append'),
    method('event_store.client.server_features.ServerFeatures', 'GetSupportedMethods'),
  ];
  callback(null, new SupportedMethods().setMethodsList(methods).setEventStoreServerVersion(SERVER_VERSION));
}

/** Binds, retrying briefly: right after a forceShutdown the port may not be free yet. */
async function bind(server: Server, port: number, attempts = 20): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await new Promise<number>((resolve, reject) =>
        server.bindAsync(`127.0.0.1:${port}`, ServerCredentials.createInsecure(), (error, bound) =>
          error ? reject(error) : resolve(bound),
        ),
      );
    } catch (error) {
      if (attempt >= attempts || port === 0) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

function seedSystemEvents(log: EsdbLog): void {
  const json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');
  const system = (type: string, data: unknown) => ({
    id: randomUUID(),
    type,
    contentType: 'application/json',
    customMetadata: new Uint8Array(),
    data: json(data),
  });
  log.append('$settings', 'no_stream', [system('$settings', { $userStreamAcl: { $r: '$all' } })]);
  log.append('$users', 'no_stream', [system('$User', { loginName: 'admin' })]);
}
