import type Database from 'better-sqlite3';
import { GENESIS_HASH, sealEvent } from '../integrity/event-hash';
import type { NewEvent } from '../event-store.port';
import { headerValues, INSERT_EVENT_SQL } from './sqlite-headers';

/** An exported event to write back: its stream and revision, with its original `created`. */
export interface ImportedEvent extends NewEvent {
  stream: string;
  revision: bigint;
  created: Date;
}

/**
 * Writes a whole exported log into an EMPTY embedded store in ONE transaction, sealing each event
 * exactly as an append would (same links, same `created`: the hashes of an embedded export come out
 * identical). `verify` runs inside the transaction, reading the rows just written, before COMMIT:
 * if anything throws — a row, the verification — everything is rolled back. All or nothing.
 * Nothing else may use this connection meanwhile (import-log owns the store while it runs).
 */
export async function importLogInOneTransaction(
  db: Database.Database,
  events: AsyncIterable<ImportedEvent>,
  verify: () => Promise<void>,
): Promise<number> {
  const insert = db.prepare(INSERT_EVENT_SQL);
  db.exec('BEGIN IMMEDIATE');
  try {
    if (db.prepare('SELECT count(*) FROM events').pluck().get() !== 0) throw new Error('import into a store that is not empty');
    let head = GENESIS_HASH;
    const streams = new Map<string, string>();
    let count = 0;
    for await (const e of events) {
      const sealed = sealEvent(
        { stream: e.stream, revision: e.revision, id: e.id, type: e.type, data: e.data, metadata: e.metadata, created: e.created },
        { prevHash: head, streamPrevHash: streams.get(e.stream) ?? GENESIS_HASH },
      );
      insert.run(
        e.stream,
        e.revision,
        e.id,
        e.type,
        JSON.stringify(e.data),
        JSON.stringify(sealed.metadata),
        e.created.getTime(),
        ...headerValues(sealed.metadata),
      );
      head = sealed.hash;
      streams.set(e.stream, sealed.hash);
      count++;
    }
    await verify();
    db.exec('COMMIT');
    return count;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
