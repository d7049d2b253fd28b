import type { StoredEvent } from './stored-event';

/** EventStoreDB's "deleted stream" marker: soft delete sets `$tb` to it (EventNumber.DeletedStream). */
export const DELETED_STREAM = 0x7fff_ffff_ffff_ffffn;

/** The retention settings EventStoreDB reads from a stream's `$$<stream>` metadata stream. */
export interface StreamRetention {
  /** `$maxCount`: only the last n events are readable. */
  maxCount?: number;
  /** `$maxAge` in seconds: older events are not readable. */
  maxAge?: number;
  /** `$tb` (truncate before): events below this revision are not readable; DELETED_STREAM = soft deleted. */
  truncateBefore?: bigint;
}

export const metaStreamOf = (stream: string): string => `$$${stream}`;

/** The retention in force: the last `$metadata` event of `$$<stream>` (what the server caches). */
export function retentionOf(metaEvents: readonly StoredEvent[] | undefined): StreamRetention {
  const last = metaEvents?.at(-1);
  if (!last) return {};
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(Buffer.from(last.data).toString('utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
  const int = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined);
  const tb = parsed.$tb;
  return {
    maxCount: int(parsed.$maxCount),
    maxAge: int(parsed.$maxAge),
    truncateBefore: typeof tb === 'number' || typeof tb === 'string' ? BigInt(tb) : undefined,
  };
}

// JSON carries $tb as a number: 2^63 - 1 comes back as 2^63.
export const isSoftDeleted = (retention: StreamRetention): boolean =>
  retention.truncateBefore !== undefined && retention.truncateBefore >= DELETED_STREAM;

/**
 * Whether a stream read returns the event, as EventStoreDB decides at read time: `$tb`, `$maxCount`
 * against the last revision, `$maxAge` against the clock. `$all` still returns such events until a
 * scavenge removes them.
 */
export function isReadable(event: StoredEvent, lastRevision: bigint, retention: StreamRetention, nowMs: number): boolean {
  if (retention.truncateBefore !== undefined && event.revision < retention.truncateBefore) return false;
  if (retention.maxCount !== undefined && event.revision <= lastRevision - BigInt(retention.maxCount)) return false;
  if (retention.maxAge !== undefined && event.createdMs < nowMs - retention.maxAge * 1000) return false;
  return true;
}
