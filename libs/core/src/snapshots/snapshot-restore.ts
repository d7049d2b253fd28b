import type { EventStore } from '@ledger/event-store';
import { readIntegrity } from '@ledger/event-store';
import { ModelRestorer } from '@ledger/projections';
import type { ReadModelService } from '../projections/read-model.service';
import { projectionFingerprint } from './projection-fingerprint';
import { SnapshotFileReader } from './snapshot-file-reader';
import { SnapshotFileError, type SnapshotHeader } from './snapshot-format';
import type { SnapshotStatus } from './snapshot-status';

/** Why a whole snapshot file does not fit this process, or undefined when it does. */
async function unfit(header: SnapshotHeader, store: EventStore): Promise<string | undefined> {
  if (header.format !== 1) return `format ${String(header.format)} is not this code's`;
  if (header.fingerprint !== projectionFingerprint())
    return 'stale: written by other projection code (a replay rebuilds them with this one)';
  if (header.store !== store.kind) return `foreign: taken from a ${header.store} store, this is ${store.kind}`;
  // The log must still hold, at that position, the very event the read models had applied last.
  const position = BigInt(header.position);
  let found: { id: string; position: bigint; metadata: Record<string, unknown> } | undefined;
  for await (const e of store.readAll({ fromPosition: position, maxCount: 1 })) found = e;
  if (!found || found.position !== position) return `foreign: this log has no event at position ${position}`;
  if (found.id !== header.eventId) return `foreign: this log holds another event at position ${position}`;
  if (header.eventHash !== undefined && readIntegrity(found.metadata)?.hash !== header.eventHash)
    return `foreign: the event at position ${position} has another chain hash`;
  return undefined;
}

/** Restores the read models from `file` when it is whole, of this code and of this log; says what happened. */
export async function restoreSnapshot(file: string, store: EventStore, readModels: ReadModelService): Promise<SnapshotStatus> {
  const started = performance.now();
  let reader: SnapshotFileReader | undefined;
  try {
    reader = await SnapshotFileReader.open(file);
    if (!reader) return { state: 'none' };
    const { header } = reader;
    const why = await unfit(header, store);
    if (why) return { state: 'ignored', reason: why, position: header.position };
    // Decoded as read (the restorer copies what it keeps out of the reader's reused buffer); applied
    // only once the whole file checked out. A corrupt piece may not even decode: the checksum says why first.
    const restorer = new ModelRestorer();
    let undecodable: unknown;
    await reader.pieces((piece) => {
      try {
        if (!undecodable) restorer.addBytes(piece);
      } catch (error) {
        undecodable = error;
      }
    });
    if (undecodable) throw undecodable;
    const position = BigInt(header.position);
    const extras = restorer.finish(readModels.model, position);
    readModels.restored({
      events: Number(extras.meta.events ?? 0),
      commands: (extras.maps.get('commands') ?? []) as Array<[string, string]>,
      last: { position, id: header.eventId, hash: header.eventHash },
    });
    return { state: 'loaded', position: header.position, loadMs: Math.round(performance.now() - started) };
  } catch (error) {
    readModels.reset();
    const reason =
      error instanceof SnapshotFileError ? error.message : `unreadable: ${error instanceof Error ? error.message : String(error)}`;
    return { state: 'ignored', reason };
  } finally {
    await reader?.close();
  }
}
