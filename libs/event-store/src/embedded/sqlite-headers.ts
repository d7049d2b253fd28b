import type { EventHeaders } from '../event-store.port';

/** Every insert into the events table writes the metadata's header copies beside it (sqlite-schema.ts). */
export const INSERT_EVENT_SQL =
  'INSERT INTO events (stream, revision, id, type, data, metadata, created, effective_at, recorded_at, command_id, schema_version, headers) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

/** The first row whose header copies differ from its metadata (NULL = absent on both sides), and the field. */
export const HEADER_MISMATCH_SQL = `
SELECT position, CASE
    WHEN NOT json_valid(metadata) THEN 'effectiveAt'
    WHEN effective_at IS NOT json_extract(metadata, '$.effectiveAt') THEN 'effectiveAt'
    WHEN recorded_at IS NOT json_extract(metadata, '$.recordedAt') THEN 'recordedAt'
    WHEN command_id IS NOT json_extract(metadata, '$.commandId') THEN 'commandId'
    ELSE 'schemaVersion' END AS field
  FROM events
 WHERE headers = 1 AND (NOT json_valid(metadata)
    OR effective_at IS NOT json_extract(metadata, '$.effectiveAt')
    OR recorded_at IS NOT json_extract(metadata, '$.recordedAt')
    OR command_id IS NOT json_extract(metadata, '$.commandId')
    OR schema_version IS NOT json_extract(metadata, '$.schemaVersion'))
 ORDER BY position LIMIT 1`;

type HeaderValues = [
  effectiveAt: string | null,
  recordedAt: string | null,
  commandId: string | null,
  schemaVersion: number | null,
  headers: 1 | null,
];

const text = (v: unknown): v is string | undefined => v === undefined || typeof v === 'string';

/**
 * The header columns of a row. Only exact copies are written: a field of another type than the
 * projections expect (never written by this code) leaves `headers` NULL, and readers parse the metadata.
 */
export function headerValues(metadata: Record<string, unknown>): HeaderValues {
  const { effectiveAt, recordedAt, commandId, schemaVersion } = metadata;
  const exact =
    text(effectiveAt) && text(recordedAt) && text(commandId) && (schemaVersion === undefined || Number.isSafeInteger(schemaVersion));
  if (!exact) return [null, null, null, null, null];
  return [effectiveAt ?? null, recordedAt ?? null, commandId ?? null, (schemaVersion as number | undefined) ?? null, 1];
}

/** Headers from the columns of a row that has them (`headers` = 1), else undefined. */
export function headersOfRow(
  flag: number | null,
  effectiveAt: string | null,
  recordedAt: string | null,
  commandId: string | null,
  schemaVersion: number | null,
): EventHeaders | undefined {
  if (flag !== 1) return undefined;
  // One shape for every row (absent fields undefined), so reading them stays monomorphic.
  return {
    effectiveAt: effectiveAt ?? undefined,
    recordedAt: recordedAt ?? undefined,
    commandId: commandId ?? undefined,
    schemaVersion: schemaVersion ?? undefined,
  };
}
