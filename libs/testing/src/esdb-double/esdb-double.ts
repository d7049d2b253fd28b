import { randomUUID } from 'node:crypto';
import { Server, ServerCredentials } from '@grpc/grpc-js';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { appendHandler } from './append-handler';
import { batchAppendHandler } from './batch-append-handler';
import type { EsdbContext, SubscriptionStats } from './context';
import { deleteHandler, tombstoneHandler } from './delete-handler';
import { EsdbLog, system } from './esdb-log';
import { EsdbFaults } from './faults';
import { readHandler } from './read-handler';
import { supportedMethods } from './server-features';
import { runSystemProjections } from './system-projections';

export interface EsdbDoubleOptions {
  /** Default 0: an ephemeral port. */
  port?: number;
  /** Write a few `$`-prefixed system events first, as a fresh EventStoreDB has (default true). */
  seedSystemEvents?: boolean;
  /** Send CaughtUp to subscriptions, as EventStoreDB 23.10+ does (default true; false models older servers). */
  sendCaughtUp?: boolean;
  /** Advertise BatchAppend, as every server since 21.10 does (default true; false: the client uses Append). */
  batchAppend?: boolean;
  /** Emit `$ce-`/`$et-` link events, as `--run-projections=All` does (default true). */
  runProjections?: boolean;
  /** Recent event ids remembered for `any`/`stream_exists` idempotency (default unbounded). */
  dedupeWindow?: number;
  /** Share another double's log: two nodes of one cluster (e.g. a follower and its leader). */
  log?: EsdbLog;
}

export interface EsdbDouble {
  /** e.g. `esdb://127.0.0.1:41234?tls=false` */
  readonly connectionString: string;
  readonly port: number;
  /** The in-memory log, for assertions and for writing behind the client's back. */
  readonly log: EsdbLog;
  /** Switches for server behaviour (lost replies, NotLeader, subscription drops…), see faults.ts. */
  readonly faults: EsdbFaults;
  /** Open $all subscriptions, with what each has sent (back-pressure assertions). */
  readonly subscriptions: ReadonlySet<SubscriptionStats>;
  /** Appends received so far by path (classic Append or BatchAppend batches). */
  readonly appends: Readonly<{ append: number; batchAppend: number }>;
  /** Drops every connection and call (forceShutdown) and stops listening; the log is kept. */
  stop(): Promise<void>;
  /** Listens again on the same port with the same log (after `stop()`, e.g. in resilience tests). */
  restart(): Promise<void>;
}

/** Starts an EventStoreDB stand-in on 127.0.0.1 speaking the real gRPC protocol (see README.md). */
export async function startEsdbDouble(options: EsdbDoubleOptions = {}): Promise<EsdbDouble> {
  const log = options.log ?? new EsdbLog({ dedupeWindow: options.dedupeWindow });
  if (!options.log && (options.seedSystemEvents ?? true)) seedSystemEvents(log);
  const ctx: EsdbContext = {
    log,
    faults: new EsdbFaults(),
    sendCaughtUp: options.sendCaughtUp ?? true,
    subscriptions: new Set(),
    appends: { append: 0, batchAppend: 0 },
  };
  // Links keep coming across stop/restart, as the projection subsystem belongs to the log here.
  if ((options.runProjections ?? true) && !options.log) runSystemProjections(log);
  const batchAppend = options.batchAppend ?? true;
  let server: Server | undefined = createServer(ctx, batchAppend);
  const port = await bind(server, options.port ?? 0);
  return {
    connectionString: `esdb://127.0.0.1:${port}?tls=false`,
    port,
    log,
    faults: ctx.faults,
    subscriptions: ctx.subscriptions,
    appends: ctx.appends,
    async stop() {
      server?.forceShutdown();
      server = undefined;
    },
    async restart() {
      server?.forceShutdown();
      server = createServer(ctx, batchAppend);
      await bind(server, port);
    },
  };
}

function createServer(ctx: EsdbContext, batchAppend: boolean): Server {
  const server = new Server();
  // Real servers serve the classic Append too; clients use it when BatchAppend is not advertised.
  server.addService(StreamsService, {
    read: readHandler(ctx),
    append: appendHandler(ctx),
    batchAppend: batchAppendHandler(ctx),
    delete: deleteHandler(ctx),
    tombstone: tombstoneHandler(ctx),
  });
  server.addService(ServerFeaturesService, { getSupportedMethods: supportedMethods(batchAppend) });
  return server;
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
  log.append('$settings', 'no_stream', [system('$settings', { $userStreamAcl: { $r: '$all' } })]);
  log.append('$users', 'no_stream', [{ ...system('$User', { loginName: 'admin' }), id: randomUUID() }]);
}
