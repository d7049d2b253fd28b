export * from './event-store-contract';
export * from './esdb-double';
export * from './decider-spec';
export * from './real-server';
export * from './time-travel';
