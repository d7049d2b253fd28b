import { ACTION_KINDS, ACTIVITY_STATUSES } from '@ledger/domain';

/** Up to this length a list built by appending is a plain array (cheap to grow); beyond, a typed array. */
const PLAIN_UP_TO = 128;

/**
 * Append-mostly lists of numbers for the read models' long lists (log rows of a stream's events,
 * of an attribute's facts, of actions; their log positions; figures). A long plain array gives the
 * garbage collector one slot per element to visit and a snapshot one value per element to decode;
 * a typed array is one block outside the heap, copied at once (ADR 0015) — but costs far more to
 * allocate, so a list starts as a plain array and moves to a typed array, doubling, past
 * PLAIN_UP_TO values. Lists read back from a snapshot are typed arrays from the start.
 * `items` may hold room beyond `length`: read `items[i]` for i < length only.
 */
abstract class NumberList<A extends Int32Array | Float64Array> {
  constructor(
    public items: A | number[],
    public length: number,
  ) {}

  protected abstract make(capacity: number): A;

  /** Checks a value fits the list (an int32 list refuses what it would truncate). */
  protected abstract fits(value: number): boolean;

  push(value: number): void {
    if (!this.fits(value)) throw new RangeError(`${value} does not fit this list of ${this.constructor.name}`);
    const items = this.items;
    if (this.length === items.length) {
      if (Array.isArray(items) && this.length < PLAIN_UP_TO) {
        items.push(value);
        this.length++;
        return;
      }
      this.grow();
    }
    this.items[this.length++] = value;
  }

  /** Inserts `value` at `index` (a push in the usual, in-order case). */
  insert(index: number, value: number): void {
    if (index === this.length) return this.push(value);
    if (!this.fits(value)) throw new RangeError(`${value} does not fit this list of ${this.constructor.name}`);
    if (Array.isArray(this.items) && this.length < PLAIN_UP_TO) {
      this.items.splice(index, 0, value);
      this.length++;
      return;
    }
    if (this.length === this.items.length) this.grow();
    this.items.copyWithin(index + 1, index, this.length);
    this.items[index] = value;
    this.length++;
  }

  /** The value at `index`, or undefined outside the list (never the room beyond it). */
  at(index: number): number | undefined {
    return index >= 0 && index < this.length ? this.items[index] : undefined;
  }

  forEach(each: (value: number, index: number) => void): void {
    for (let i = 0; i < this.length; i++) each(this.items[i], i);
  }

  /** The values as a plain array (views, digests, tests). */
  toArray(): number[] {
    return Array.from(this.items.slice(0, this.length));
  }

  /** JSON (and canonical JSON, digests) sees the values only, whatever room is held. */
  toJSON(): number[] {
    return this.toArray();
  }

  /** A copy of the values as a typed array, exactly as long as the list (what a snapshot stores). */
  values(): A {
    const out = this.make(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.items[i];
    return out;
  }

  private grow(): void {
    // Twice as long: a typed array costs far more to allocate than a plain array's growth.
    const next = this.make(Math.max(4, this.length * 2));
    for (let i = 0; i < this.length; i++) next[i] = this.items[i];
    this.items = next;
  }
}

/** Row numbers (seqs) of the time-travel index: int32 (a log of 2^31 events would be refused, not wrapped). */
export class SeqList extends NumberList<Int32Array> {
  constructor(items: Int32Array | number[] = [], length = items.length) {
    super(items, length);
  }

  static of(values: Int32Array | readonly number[]): SeqList {
    const list = new SeqList();
    for (const v of values) list.push(v);
    return list;
  }

  protected make(capacity: number): Int32Array {
    return new Int32Array(capacity);
  }

  protected fits(value: number): boolean {
    return (value | 0) === value;
  }
}

/** Doubles: log positions (exact up to 2^53, see positionNumber) and figures. */
export class FloatList extends NumberList<Float64Array> {
  constructor(items: Float64Array | number[] = [], length = items.length) {
    super(items, length);
  }

  static of(values: Float64Array | readonly number[]): FloatList {
    const list = new FloatList();
    for (const v of values) list.push(v);
    return list;
  }

  protected make(capacity: number): Float64Array {
    return new Float64Array(capacity);
  }

  protected fits(): boolean {
    return true;
  }
}

/**
 * A list of values from a small fixed dictionary (statuses, action kinds), one byte each: no
 * pointer per element for the garbage collector, one copy for a snapshot. `dictionary` names it in
 * snapshots (DICTIONARIES), so a list read back shares the domain's own strings.
 */
export class CodeList<T extends string> {
  constructor(
    readonly dictionary: CodeDictionary,
    public codes: Uint8Array = new Uint8Array(2),
    public length = 0,
  ) {}

  get(index: number): T {
    return DICTIONARIES[this.dictionary][this.codes[index]] as T;
  }

  push(value: T): void {
    this.insert(this.length, value);
  }

  insert(index: number, value: T): void {
    const code = DICTIONARIES[this.dictionary].indexOf(value);
    if (code < 0) throw new RangeError(`${value} is not in the dictionary "${this.dictionary}"`);
    if (this.length === this.codes.length) {
      const next = new Uint8Array(Math.max(8, this.length * 2));
      next.set(this.codes.subarray(0, this.length));
      this.codes = next;
    }
    if (index < this.length) this.codes.copyWithin(index + 1, index, this.length);
    this.codes[index] = code;
    this.length++;
  }

  toArray(): T[] {
    return Array.from(this.codes.subarray(0, this.length), (c) => DICTIONARIES[this.dictionary][c] as T);
  }

  toJSON(): T[] {
    return this.toArray();
  }

  values(): Uint8Array {
    return this.codes.slice(0, this.length);
  }
}

/** The dictionaries code lists use, by name (they are projection code: a change discards old snapshots). */
export const DICTIONARIES = {
  status: ACTIVITY_STATUSES as readonly string[],
  actionKind: ACTION_KINDS as readonly string[],
};
export type CodeDictionary = keyof typeof DICTIONARIES;
