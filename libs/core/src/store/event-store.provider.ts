import { join } from 'node:path';
import type { Provider } from '@nestjs/common';
import { EVENT_STORE, EsdbEventStore, SqliteEventStore, type EventStore } from '@ledger/event-store';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config';

/** EventStoreDB when EVENTSTORE_CONNECTION_STRING is set, else the embedded SQLite store (API and CLI alike). */
export function createEventStore(config: LedgerConfig): EventStore {
  if (config.eventStoreConnectionString) return new EsdbEventStore(config.eventStoreConnectionString);
  return new SqliteEventStore({ file: join(config.dataDir, 'ledger.sqlite') });
}

export const eventStoreProvider: Provider = {
  provide: EVENT_STORE,
  inject: [LEDGER_CONFIG],
  useFactory: createEventStore,
};
