/**
 * The ledger's Nest wiring shared by the API and the CLI: store provider, command handling,
 * projections and read models, time travel, queries, import, report, tokens, config.
 */
export * from './ledger.module';
export * from './config/ledger-config';
export * from './auth/token.service';
export * from './commands/clock';
export * from './commands/execute-ledger-command';
export * from './commands/command-gateway.service';
export * from './projections/projection-runner.service';
export * from './projections/read-model.service';
export * from './snapshots';
export * from './store/event-store.provider';
export * from './store/store-errors';
export * from './queries/ledger.queries';
export * from './queries/audit-trail.query';
export * from './history/history.queries';
export * from './import/plan-file-validator';
export * from './import/plan-importer.service';
export * from './import/plan-snapshot.service';
export * from './import/repo-root';
export * from './import/sample-plan';
export * from './import/sample-state';
export * from './report/report.service';
export * from './queries/time-budget';
