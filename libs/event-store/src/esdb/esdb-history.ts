import type { EventStoreDBClient, StreamMetadata } from '@eventstore/db-client';
import type { HiddenHistory } from '../event-store.port';
import { StoreError } from '../store-error';
import { esdbClient } from './esdb-client';

/**
 * The ledger never deletes or truncates history, but an EventStoreDB operator can: stream metadata
 * (`$maxAge`, `$maxCount`, `$tb`), soft delete, tombstone. The adapter refuses to build on a
 * history it cannot see in full — a partial aggregate would decide wrongly, and an append would
 * have to link its hash chain to nothing (see docs/adr/0010).
 */
export function historyHidden(stream: string, why: string, details: Record<string, unknown> = {}): StoreError {
  return new StoreError(
    'ILLEGAL_STATE',
    `the history of "${stream}" is not fully readable on EventStoreDB (${why}); the ledger keeps every event forever and will not build on a partial history — remove the stream's $maxAge/$maxCount/$tb metadata or restore the events`,
    { stream, reason: 'HISTORY_HIDDEN', ...details },
  );
}

export function streamDeleted(stream: string): StoreError {
  return new StoreError(
    'ILLEGAL_STATE',
    `"${stream}" was deleted on EventStoreDB (tombstone): it can never be read or written again; its events remain in $all until a scavenge`,
    { stream, reason: 'STREAM_DELETED' },
  );
}

/** StreamDeleted from the client (reads or appends of a tombstoned stream) as our error; others unchanged. */
export function mapDeleted(error: unknown, stream: string): unknown {
  const { isCommandError, StreamDeletedError } = esdbClient();
  return error instanceof StreamDeletedError || (error instanceof Error && isCommandError(error) && error.type === 'stream-deleted')
    ? streamDeleted(stream)
    : error;
}

/** What in a stream's metadata lets the server hide or remove events, if anything. */
export function retentionOf(metadata: StreamMetadata | undefined): Record<string, unknown> | undefined {
  if (!metadata) return undefined;
  const found = Object.fromEntries(
    (['maxAge', 'maxCount', 'truncateBefore'] as const).filter((k) => metadata[k] !== undefined).map((k) => [`$${k}`, metadata[k]]),
  );
  return Object.keys(found).length > 0 ? found : undefined;
}

/**
 * Before creating a stream (no_stream): EventStoreDB accepts no_stream on a soft-deleted stream
 * and continues its revisions, and metadata set in advance would hide history. Both are refused.
 */
export async function assertNoRetention(client: EventStoreDBClient, stream: string, deadline: number): Promise<void> {
  const { metadata } = await client.getStreamMetadata(stream, { deadline });
  const retention = retentionOf(metadata);
  if (retention) throw historyHidden(stream, `its metadata sets ${JSON.stringify(retention)}`, { retention });
}

/** Streams whose history the server hides from stream reads or may remove: retention metadata, soft delete, tombstone. */
export async function findHiddenHistory(client: EventStoreDBClient, streams: Iterable<string>): Promise<HiddenHistory[]> {
  const found: HiddenHistory[] = [];
  const names = [...streams];
  // A few reads at a time: one metadata read and one tail read per stream.
  for (let i = 0; i < names.length; i += 16) {
    const batch = await Promise.all(names.slice(i, i + 16).map((stream) => hiddenIn(client, stream)));
    for (const note of batch) if (note) found.push(note);
  }
  return found;
}

async function hiddenIn(client: EventStoreDBClient, stream: string): Promise<HiddenHistory | undefined> {
  const { BACKWARDS, END, isCommandError } = esdbClient();
  try {
    // Read to the end (one event): leaving early leaves a call that the client's dispose() waits for.
    for await (const _ of client.readStream(stream, { direction: BACKWARDS, fromRevision: END, maxCount: 1 })) void _;
  } catch (error) {
    if (mapDeleted(error, stream) !== error)
      return { stream, reason: 'deleted (tombstone): stream reads fail, a scavenge removes its events from $all' };
    if (!(error instanceof Error && isCommandError(error) && error.type === 'stream-not-found')) throw error;
  }
  const { metadata } = await client.getStreamMetadata(stream);
  const retention = retentionOf(metadata);
  if (!retention) return undefined;
  const soft = typeof metadata?.truncateBefore === 'number' && metadata.truncateBefore >= Number.MAX_SAFE_INTEGER;
  return {
    stream,
    reason: soft
      ? 'soft-deleted: stream reads say it does not exist, a scavenge removes its events from $all'
      : `metadata ${JSON.stringify(retention)}: stream reads skip events it excludes, a scavenge removes them from $all`,
  };
}
