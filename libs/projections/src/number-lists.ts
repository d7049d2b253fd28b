/**
 * Append-mostly lists of numbers held in one typed array each, for the read models' long lists
 * (log rows of a stream's events, of an attribute's facts, of actions; their log positions; figures).
 * A plain array gives the garbage collector one slot per element to visit and a snapshot one value
 * per element to decode; a typed array is one block outside the heap, copied at once (ADR 0015).
 * `items` holds room beyond `length`: read `items[i]` for i < length only.
 */
abstract class NumberList<A extends Int32Array | Float64Array> {
  constructor(
    public items: A,
    public length: number,
  ) {}

  protected abstract make(capacity: number): A;

  /** Checks a value fits the list (an int32 list refuses what it would truncate). */
  protected abstract fits(value: number): boolean;

  push(value: number): void {
    if (!this.fits(value)) throw new RangeError(`${value} does not fit this list of ${this.constructor.name}`);
    if (this.length === this.items.length) this.grow();
    this.items[this.length++] = value;
  }

  /** Inserts `value` at `index` (a push in the usual, in-order case). */
  insert(index: number, value: number): void {
    if (index === this.length) return this.push(value);
    if (!this.fits(value)) throw new RangeError(`${value} does not fit this list of ${this.constructor.name}`);
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
    return Array.from(this.items.subarray(0, this.length));
  }

  /** JSON (and canonical JSON, digests) sees the values only, whatever room is held. */
  toJSON(): number[] {
    return this.toArray();
  }

  /** A copy of the values, exactly as long as the list (what a snapshot stores). */
  values(): A {
    return this.items.slice(0, this.length) as A;
  }

  private grow(): void {
    // A half more each time: most lists stay short, a few grow to thousands.
    const next = this.make(Math.max(2, this.length + (this.length >> 1) + 1));
    next.set(this.items.subarray(0, this.length));
    this.items = next;
  }
}

/** Row numbers (seqs) of the time-travel index: int32 (a log of 2^31 events would be refused, not wrapped). */
export class SeqList extends NumberList<Int32Array> {
  constructor(items: Int32Array = new Int32Array(2), length = 0) {
    super(items, length);
  }

  static of(values: Int32Array | readonly number[]): SeqList {
    const items = Int32Array.from(values);
    return new SeqList(items, items.length);
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
  constructor(items: Float64Array = new Float64Array(2), length = 0) {
    super(items, length);
  }

  static of(values: Float64Array | readonly number[]): FloatList {
    const items = Float64Array.from(values);
    return new FloatList(items, items.length);
  }

  protected make(capacity: number): Float64Array {
    return new Float64Array(capacity);
  }

  protected fits(): boolean {
    return true;
  }
}
