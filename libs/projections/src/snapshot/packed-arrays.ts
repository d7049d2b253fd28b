/**
 * V8's serialiser writes a JavaScript array element by element, and reading it back costs about as
 * much per number as parsing JSON; a typed array is one copy. Before a snapshot piece is serialised,
 * its long arrays of numbers become typed arrays, and its long arrays of a few distinct strings
 * (statuses, kinds) become one-byte codes with their dictionary; reading it back restores plain
 * arrays (the enum strings shared, not one per element). Everything else is kept as it is.
 */
const I32 = '\u0000i32';
const F64 = '\u0000f64';
const CODES = '\u0000codes';
const DICT = '\u0000dict';
const MIN = 16;

type Plain = Record<string, unknown>;
// By tag, not prototype: what V8 deserialises may come from another realm (jest's sandbox).
const tag = (v: unknown): string => Object.prototype.toString.call(v);
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && tag(v) === '[object Object]';
const isMap = (v: unknown): v is Map<unknown, unknown> => tag(v) === '[object Map]';

function packArray(values: unknown[]): unknown {
  if (values.length >= MIN) {
    let ints = true;
    let numbers = true;
    let strings = true;
    for (const x of values) {
      if (typeof x === 'number') {
        strings = false;
        if (ints && !Object.is(x | 0, x)) ints = false;
      } else {
        numbers = false;
        if (typeof x !== 'string') strings = false;
      }
      if (!numbers && !strings) break;
    }
    if (numbers) return ints ? { [I32]: Int32Array.from(values as number[]) } : { [F64]: Float64Array.from(values as number[]) };
    if (strings) {
      const dict = [...new Set(values as string[])];
      if (dict.length <= 255) {
        const index = new Map(dict.map((s, i) => [s, i]));
        return { [DICT]: dict, [CODES]: Uint8Array.from(values as string[], (s) => index.get(s)!) };
      }
    }
  }
  return values.map(pack);
}

/** A copy of `value` with its long number and enum-string arrays packed. */
export function pack(value: unknown): unknown {
  if (Array.isArray(value)) return packArray(value);
  if (isMap(value)) {
    const out = new Map<unknown, unknown>();
    value.forEach((v, k) => out.set(k, pack(v)));
    return out;
  }
  if (isPlain(value)) {
    const out: Plain = {};
    for (const key of Object.keys(value)) out[key] = pack(value[key]);
    return out;
  }
  return value;
}

function plainArray(typed: ArrayLike<number>): number[] {
  const out = new Array<number>(typed.length);
  for (let i = 0; i < typed.length; i++) out[i] = typed[i];
  return out;
}

// %TypedArray%.prototype.slice: a copy (Buffer's own `slice` is a view).
const typedSlice = Object.getPrototypeOf(Uint8Array.prototype).slice as (this: ArrayBufferView) => ArrayBufferView;

/**
 * Undoes `pack`, in place where it can (Maps are made anew in this realm). Typed arrays are copied:
 * V8's deserializer may hand back views into the bytes it read, which a streaming reader reuses.
 */
export function unpack(value: unknown): unknown {
  if (ArrayBuffer.isView(value)) return typedSlice.call(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = unpack(value[i]);
    return value;
  }
  if (isMap(value)) {
    const out = new Map<unknown, unknown>();
    value.forEach((v, k) => out.set(k, unpack(v)));
    return out;
  }
  if (isPlain(value)) {
    if (I32 in value) return plainArray(value[I32] as Int32Array);
    if (F64 in value) return plainArray(value[F64] as Float64Array);
    if (CODES in value) {
      const dict = value[DICT] as string[];
      const codes = value[CODES] as Uint8Array;
      const out = new Array<string>(codes.length);
      for (let i = 0; i < codes.length; i++) out[i] = dict[codes[i]];
      return out;
    }
    for (const key of Object.keys(value)) value[key] = unpack(value[key]);
  }
  return value;
}
