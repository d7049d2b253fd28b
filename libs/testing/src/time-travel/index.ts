export * from './scenario-steps';
export * from './scenario-commands';
export * from './scenario-runner';
export * from './reference-model';
export * from './view-summary';
