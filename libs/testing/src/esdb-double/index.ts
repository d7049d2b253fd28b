export { startEsdbDouble, type EsdbDouble, type EsdbDoubleOptions } from './esdb-double';
export { EsdbLog, type StoredEvent, type ProposedEvent, type ExpectedState, type EsdbLogOptions } from './esdb-log';
export { EsdbFaults } from './faults';
export type { SubscriptionStats } from './context';
export { DELETED_STREAM } from './stream-metadata';
