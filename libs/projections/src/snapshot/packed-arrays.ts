import { ACTION_KINDS, ACTIVITY_STATUSES } from '@ledger/domain';
import { FloatList, SeqList } from '../number-lists';

/**
 * V8's serialiser writes a JavaScript array element by element, and reading it back costs about as
 * much per number as parsing JSON; a typed array is one copy. Before a snapshot piece is serialised,
 * its long arrays of numbers become typed arrays, and its long arrays of a few distinct strings
 * (statuses, kinds) become one-byte codes with their dictionary; reading it back restores plain
 * arrays. The read models' number lists (number-lists.ts) of a piece are stored together, as one
 * typed array per kind, and read back as views into one block per piece with room to grow: a piece
 * of a thousand lists costs two allocations, not a thousand. Strings the domain enumerates
 * (statuses, kinds, lifecycles) come back as the domain's own constants, one copy each in memory.
 * Everything else is kept as it is.
 */
const I32 = '\u0000i32';
const F64 = '\u0000f64';
const CODES = '\u0000codes';
const DICT = '\u0000dict';
// A piece: its packed value, then the values and lengths of its number lists in the order met.
const PIECE = '\u0000piece';
// Where a number list stood: 1 a seq list, 2 a float list.
const LIST = '\u0000list';
const MIN = 16;

type Plain = Record<string, unknown>;
// By tag, not prototype: what V8 deserialises may come from another realm (jest's sandbox).
const tag = (v: unknown): string => Object.prototype.toString.call(v);
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && tag(v) === '[object Object]';
const isMap = (v: unknown): v is Map<unknown, unknown> => tag(v) === '[object Map]';

function packArray(values: unknown[], lists: ListsOut): unknown {
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
  return values.map((v) => packIn(v, lists));
}

interface ListsOut {
  seqs: SeqList[];
  floats: FloatList[];
}

function concat<A extends Int32Array | Float64Array>(lists: ReadonlyArray<{ values(): A; length: number }>, make: (n: number) => A): A {
  const out = make(lists.reduce((n, l) => n + l.length, 0));
  let at = 0;
  for (const list of lists) {
    out.set(list.values(), at);
    at += list.length;
  }
  return out;
}

function packIn(value: unknown, lists: ListsOut): unknown {
  if (Array.isArray(value)) return packArray(value, lists);
  if (value instanceof SeqList) {
    lists.seqs.push(value);
    return { [LIST]: 1 };
  }
  if (value instanceof FloatList) {
    lists.floats.push(value);
    return { [LIST]: 2 };
  }
  if (isMap(value)) {
    const out = new Map<unknown, unknown>();
    value.forEach((v, k) => out.set(k, packIn(v, lists)));
    return out;
  }
  if (isPlain(value)) {
    const out: Plain = {};
    for (const key of Object.keys(value)) out[key] = packIn(value[key], lists);
    return out;
  }
  return value;
}

/** A copy of `value` with its long number and enum-string arrays packed, its number lists gathered. */
export function pack(value: unknown): unknown {
  const lists: ListsOut = { seqs: [], floats: [] };
  const packed = packIn(value, lists);
  return {
    [PIECE]: packed,
    seqs: concat(lists.seqs, (n) => new Int32Array(n)),
    seqLengths: Int32Array.from(lists.seqs, (l) => l.length),
    floats: concat(lists.floats, (n) => new Float64Array(n)),
    floatLengths: Int32Array.from(lists.floats, (l) => l.length),
  };
}

/** Room a list read back gets beyond its values: the next events append without a copy. */
const room = (length: number): number => length + (length >> 3) + 2;

/**
 * Where lists read back take their memory: blocks of ~1 MiB carved in turn, so restoring a
 * snapshot allocates a few dozen blocks, not one array per list (fresh memory and allocations
 * are what a restore pays for most). A list that outgrows its room moves to an array of its own.
 */
class Arena<A extends Int32Array | Float64Array> {
  private block: A | undefined;
  private used = 0;

  constructor(
    private readonly make: (n: number) => A,
    private readonly blockLength: number,
  ) {}

  take(length: number): A {
    if (!this.block || this.used + length > this.block.length) {
      this.block = this.make(Math.max(length, this.blockLength));
      this.used = 0;
    }
    const out = this.block.subarray(this.used, this.used + length) as A;
    this.used += length;
    return out;
  }
}

const SEQ_ARENA = new Arena((n) => new Int32Array(n), 2 ** 18);
const FLOAT_ARENA = new Arena((n) => new Float64Array(n), 2 ** 17);

/** The number lists of one piece being read back, handed out in the order they were gathered. */
class ListsIn<A extends Int32Array | Float64Array> {
  private next = 0;
  private from = 0;

  constructor(
    private readonly values: A,
    private readonly lengths: Int32Array,
    private readonly arena: Arena<A>,
  ) {}

  take(): { items: A; length: number } {
    if (this.next >= this.lengths.length) throw new Error('snapshot piece: more number lists than it carries');
    const length = this.lengths[this.next++];
    // A copy: the values may be a view into bytes the reader reuses.
    const items = this.arena.take(room(length));
    items.set(this.values.subarray(this.from, this.from + length));
    this.from += length;
    return { items, length };
  }
}

interface Lists {
  seqs: ListsIn<Int32Array>;
  floats: ListsIn<Float64Array>;
}

function plainArray(typed: ArrayLike<number>): number[] {
  const out = new Array<number>(typed.length);
  for (let i = 0; i < typed.length; i++) out[i] = typed[i];
  return out;
}

// %TypedArray%.prototype.slice: a copy (Buffer's own `slice` is a view).
const typedSlice = Object.getPrototypeOf(Uint8Array.prototype).slice as (this: ArrayBufferView) => ArrayBufferView;

// The domain's enumerated strings: read back as these very constants.
const CONSTANTS = new Map<string, string>([...ACTIVITY_STATUSES, ...ACTION_KINDS, 'ACTIVE', 'SUSPENDED', 'CANCELLED'].map((s) => [s, s]));
const constant = (s: string): string => CONSTANTS.get(s) ?? s;

function unpackIn(value: unknown, lists: Lists): unknown {
  if (typeof value === 'string') return constant(value);
  if (ArrayBuffer.isView(value)) return typedSlice.call(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = unpackIn(value[i], lists);
    return value;
  }
  if (isMap(value)) {
    const out = new Map<unknown, unknown>();
    value.forEach((v, k) => out.set(k, unpackIn(v, lists)));
    return out;
  }
  if (isPlain(value)) {
    if (LIST in value) {
      if (value[LIST] === 1) {
        const { items, length } = lists.seqs.take();
        return new SeqList(items, length);
      }
      const { items, length } = lists.floats.take();
      return new FloatList(items, length);
    }
    if (I32 in value) return plainArray(value[I32] as Int32Array);
    if (F64 in value) return plainArray(value[F64] as Float64Array);
    if (CODES in value) {
      const dict = (value[DICT] as string[]).map(constant);
      const codes = value[CODES] as Uint8Array;
      const out = new Array<string>(codes.length);
      for (let i = 0; i < codes.length; i++) out[i] = dict[codes[i]];
      return out;
    }
    for (const key of Object.keys(value)) value[key] = unpackIn(value[key], lists);
  }
  return value;
}

/**
 * Undoes `pack`, in place where it can (Maps are made anew in this realm). Typed arrays are copied:
 * V8's deserializer may hand back views into the bytes it read, which a streaming reader reuses.
 */
export function unpack(piece: unknown): unknown {
  if (!isPlain(piece) || !(PIECE in piece)) throw new Error('snapshot piece: not packed by this code');
  const lists: Lists = {
    seqs: new ListsIn(piece.seqs as Int32Array, piece.seqLengths as Int32Array, SEQ_ARENA),
    floats: new ListsIn(piece.floats as Float64Array, piece.floatLengths as Int32Array, FLOAT_ARENA),
  };
  return unpackIn(piece[PIECE], lists);
}
