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
