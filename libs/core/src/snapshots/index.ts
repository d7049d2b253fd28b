export * from './read-model-snapshots.service';
export * from './snapshot-status';
export * from './snapshot-file';
export * from './snapshot-file-reader';
export * from './projection-fingerprint';
