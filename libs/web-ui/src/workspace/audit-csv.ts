import { toCsv } from '../csv';

/** An audit entry as the export reads it (auditTrail with every field). */
export interface ExportedEntry {
  position: string;
  stream: string;
  revision: number;
  type: string;
  schemaVersion?: number;
  effectiveAt: string;
  summary: string;
  data?: unknown;
  metadata: Record<string, unknown> | null;
}

const FIXED = ['position', 'stream', 'revision', 'type', 'schemaVersion', 'effectiveAt', 'summary'] as const;
const METADATA = [
  'actor',
  'role',
  'recordedAt',
  'commandId',
  'correlationId',
  'causationId',
  'hash',
  'prevHash',
  'streamPrevHash',
] as const;

/**
 * The payload's fields as columns: nested objects flattened with dots (`data.status`), lists of
 * plain values joined with "; ", anything deeper as its JSON (no event type has one today).
 */
export function flattenData(value: unknown, prefix = 'data', out: Record<string, string> = {}): Record<string, string> {
  if (value === null || value === undefined) return out;
  if (Array.isArray(value)) {
    out[prefix] = value.every((v) => v === null || typeof v !== 'object') ? value.map(String).join('; ') : JSON.stringify(value);
  } else if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) flattenData(v, `${prefix}.${k}`, out);
  } else out[prefix] = String(value);
  return out;
}

/**
 * The audit trail as flat CSV: one column per field — the entry's, its metadata's, then every
 * payload field met in the export (sorted), empty where an event has none. Cells are neutralised
 * against spreadsheet formulas (libs/csv).
 */
export function auditCsv(entries: readonly ExportedEntry[]): string {
  const flat = entries.map((e) => flattenData(e.data));
  const dataColumns = [...new Set(flat.flatMap((f) => Object.keys(f)))].sort();
  const header = [...FIXED, ...METADATA.map((m) => `metadata.${m}`), ...dataColumns];
  const rows = entries.map((e, i) => [
    ...FIXED.map((k) => (e[k] === undefined ? '' : String(e[k]))),
    ...METADATA.map((m) => (e.metadata?.[m] === null || e.metadata?.[m] === undefined ? '' : String(e.metadata[m]))),
    ...dataColumns.map((c) => flat[i][c] ?? ''),
  ]);
  return toCsv([header, ...rows]);
}
