import type Database from 'better-sqlite3';

/** The embedded store's one table. Rows are only ever inserted. */
export const SQLITE_SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position  INTEGER PRIMARY KEY AUTOINCREMENT,
  stream    TEXT    NOT NULL,
  revision  INTEGER NOT NULL,
  id        TEXT    NOT NULL UNIQUE,
  type      TEXT    NOT NULL,
  data      TEXT    NOT NULL,
  metadata  TEXT    NOT NULL,
  created   INTEGER NOT NULL,
  UNIQUE (stream, revision)
);
`;

/**
 * Columns added after the first release (migration 1): copies of the metadata fields every
 * projection reads, so catch-up does not parse the whole metadata JSON (hashes, ids) per event.
 * `headers` is 1 when the row's copies were written with it (they are then exact, NULL meaning
 * "absent"); rows from before the migration, or written by an older build, have NULL there and are
 * read from their metadata as before. `metadata` stays the hashed source of truth.
 */
const HEADER_COLUMNS: Array<[name: string, type: string]> = [
  ['effective_at', 'TEXT'],
  ['recorded_at', 'TEXT'],
  ['command_id', 'TEXT'],
  ['schema_version', 'INTEGER'],
  ['headers', 'INTEGER'],
];

/** Creates the table, or adds what an older database lacks, under the write lock (other processes may open it too). */
export function migrateSchema(db: Database.Database): void {
  db.exec(SQLITE_SCHEMA);
  const missing = () => {
    const present = new Set((db.prepare('PRAGMA table_info(events)').all() as Array<{ name: string }>).map((c) => c.name));
    return HEADER_COLUMNS.filter(([name]) => !present.has(name));
  };
  if (missing().length === 0) return;
  db.transaction(() => {
    for (const [name, type] of missing()) db.exec(`ALTER TABLE events ADD COLUMN ${name} ${type}`);
  }).immediate();
}

export interface EventRow {
  position: number | bigint;
  stream: string;
  revision: number | bigint;
  id: string;
  type: string;
  data: string;
  metadata: string;
  created: number;
}
