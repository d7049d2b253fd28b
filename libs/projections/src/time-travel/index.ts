export * from './time-travel-index';
export * from './index-nodes';
export * from './as-of-views';
export * from './time-point';
export * from './rate-window';
export * from './rate-history';
export * from './plan-changes';
