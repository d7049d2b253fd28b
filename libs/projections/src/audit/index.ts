export * from './event-summary';
export * from './audit-filter';
