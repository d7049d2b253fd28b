export * from './event-hash';
export * from './verify-chain';
export * from './verify-store';
