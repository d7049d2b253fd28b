/**
 * GraphQL lets a client send `null` for any optional input field; the API reads it as "not given"
 * (API.md), so `auditTrail(filter: {actor: null})` is the unfiltered trail, not "events by nobody".
 * Drops null-valued keys from input objects, recursively (arrays are kept: a null element stays
 * an error for the validators to report).
 */
export function nullAsAbsent<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => (v !== null && typeof v === 'object' ? nullAsAbsent(v) : v)) as T;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === null) continue;
    out[key] = typeof v === 'object' ? nullAsAbsent(v) : v;
  }
  return out as T;
}
