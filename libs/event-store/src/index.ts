export * from './event-store.port';
export * from './store-error';
export * from './concurrency-conflict';
export * from './log-subscription';
export * from './embedded/sqlite-event-store';
export type { ImportedEvent } from './embedded/sqlite-log-import';
export * from './memory/in-memory-event-store';
export * from './esdb';
export * from './integrity';
