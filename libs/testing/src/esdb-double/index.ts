export { startEsdbDouble, type EsdbDouble, type EsdbDoubleOptions } from './esdb-double';
export { EsdbLog, type StoredEvent, type ProposedEvent, type ExpectedState } from './esdb-log';
