/**
 * The pages of the public dashboard: Preact components rendered to HTML by the API server and
 * hydrated by the browser (apps/web), their GraphQL documents and the loaders that run them.
 * Browser-safe: no Node module, no server import.
 */
export * from './route';
export * from './format';
export * from './csv';
export * from './queries';
export * from './loaders';
export * from './table-view';
export * from './components/app';
export * from './components/error-summary';
export type { LiveStatus } from './components/shell';
export * from './components/band-badge';
export * from './components/rate-bar';
export * from './workspace/sign-in-settings';
export * from './workspace/workspace-route';
export * from './workspace/workspace-shell';
export * from './workspace/oidc-protocol';
export * from './workspace/audit-csv';
