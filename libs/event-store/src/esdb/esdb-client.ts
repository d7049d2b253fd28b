import type * as Esdb from '@eventstore/db-client';

let loaded: typeof Esdb | undefined;

/**
 * The EventStoreDB client, required on first use: it loads gRPC and protobuf (~0.1 s), which a
 * process on the embedded store should not pay at every start (issue 13). Types via `import type`.
 */
export function esdbClient(): typeof Esdb {
  // A plain require keeps jest's module registry (errors stay `instanceof` the classes tests import).
  return (loaded ??= require('@eventstore/db-client') as typeof Esdb);
}
