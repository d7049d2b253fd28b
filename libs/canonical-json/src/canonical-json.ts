/**
 * JSON with object keys sorted (UTF-16 code unit order) and no whitespace. Same value semantics
 * as JSON.stringify (toJSON, undefined/functions dropped from objects and null in arrays,
 * non-finite numbers → null), so the hash of a value equals the hash of its stored-and-parsed copy.
 */
export function canonicalJson(value: unknown): string {
  const out = write(value);
  if (out === undefined) throw new TypeError('canonicalJson: the value has no JSON representation');
  return out;
}

/** The JSON text of a value in canonical form, or undefined for what JSON leaves out. */
export function canonicalJsonPart(value: unknown): string | undefined {
  return write(value);
}

function write(value: unknown): string | undefined {
  if (typeof value === 'string') return JSON.stringify(value); // the common case first
  if (typeof value === 'object' && value !== null) {
    if (typeof (value as { toJSON?: unknown }).toJSON === 'function') value = (value as { toJSON(): unknown }).toJSON();
    else if (value instanceof Number || value instanceof String || value instanceof Boolean) value = value.valueOf();
  }
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('canonicalJson: a BigInt has no JSON representation');
    case 'object': {
      if (value === null) return 'null';
      if (!Array.isArray(value)) return canonicalJsonWithout(value as Record<string, unknown>);
      let out = '[';
      for (let i = 0; i < value.length; i++) out += `${i ? ',' : ''}${write(value[i]) ?? 'null'}`;
      return `${out}]`;
    }
    default:
      return undefined; // undefined, functions, symbols
  }
}

/** An object with sorted keys, leaving out the key `skip` (without copying the object). */
export function canonicalJsonWithout(record: Record<string, unknown>, skip?: string): string {
  const keys = Object.keys(record);
  if (keys.length > 1) keys.sort();
  let out = '';
  for (const key of keys) {
    if (key === skip) continue;
    const v = write(record[key]);
    if (v !== undefined) out += `${out ? ',' : ''}${JSON.stringify(key)}:${v}`;
  }
  return `{${out}}`;
}
