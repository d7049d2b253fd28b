export * from './langs';
export * from './common-labels';
export * from './report-labels';
export * from './catalogues';
export * from './web-labels';
export * from './workspace-labels';
export * from './workspace-catalogue';
