export * from './projected-event';
export * from './plans.projection';
export * from './commitments.projection';
export * from './views';
export * from './ledger-read-model';
export * from './as-of';
export * from './rate-history';
export * from './changes';
