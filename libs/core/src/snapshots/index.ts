export * from './read-model-snapshots.service';
export * from './snapshot-status';
export * from './snapshot-file';
export * from './projection-fingerprint';
