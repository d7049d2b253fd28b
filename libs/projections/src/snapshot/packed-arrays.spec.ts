import { deserialize, serialize } from 'node:v8';
import { FloatList, SeqList } from '../number-lists';
import { pack, unpack } from './packed-arrays';

const roundTrip = (value: unknown): unknown => unpack(deserialize(serialize(pack(value))));
const range = (n: number, f: (i: number) => unknown) => Array.from({ length: n }, (_, i) => f(i));

describe('packed arrays (snapshot pieces)', () => {
  it('gives back equal values: long integer, double and enum-string arrays, nested in objects and Maps', () => {
    const value = {
      seqs: range(40, (i) => i * 3),
      progress: range(40, (i) => i / 3),
      status: range(40, (i) => ['NOT_STARTED', 'LIMITED', 'COMPLETE'][i % 3]),
      short: [1, 2, 3],
      mixed: range(20, (i) => (i % 2 ? 'x' : undefined)),
      nested: new Map<string, unknown>([['a', { ids: range(20, (i) => (i % 5 ? null : `id-${i}`)) }]]),
      big: range(20, (i) => 2 ** 40 + i),
      typed: new Float64Array([1, 2]),
    };
    expect(roundTrip(value)).toEqual(value);
  });

  it('keeps what integers cannot hold exactly: -0, NaN, infinities, fractions', () => {
    const odd = [...range(16, () => 0), -0, Number.NaN, Number.POSITIVE_INFINITY, 0.5];
    const back = roundTrip(odd) as number[];
    expect(Object.is(back[16], -0)).toBe(true);
    expect(back).toEqual(odd);
  });

  it('keeps string arrays of more than 255 distinct values as they are', () => {
    const many = range(300, (i) => `s${i}`);
    expect(roundTrip(many)).toEqual(many);
  });

  it('packs long number arrays into typed arrays and enum strings into one-byte codes (read back as one copy each)', () => {
    const piece = pack({ seqs: range(100, (i) => i), kinds: range(100, () => 'DONE') }) as Record<
      string,
      Record<string, Record<string, unknown>>
    >;
    const packed = Object.values(piece)[0];
    expect(Object.values(packed.seqs)[0]).toBeInstanceOf(Int32Array);
    expect(Object.values(packed.kinds).some((v) => v instanceof Uint8Array)).toBe(true);
  });

  it('stores number lists as their values only, and reads them back as lists that keep growing', () => {
    const seqs = SeqList.of([5, 1, 9]);
    seqs.push(12); // leaves room beyond the values
    const positions = FloatList.of([2 ** 40, 0.5]);
    const piece = pack({ seqs, positions, more: [SeqList.of([7])] }) as Record<string, ArrayLike<number>>;
    expect(Array.from(piece.seqs)).toEqual([5, 1, 9, 12, 7]); // the piece's seq lists, together
    expect(Array.from(piece.seqLengths)).toEqual([4, 1]);
    expect(Array.from(piece.floats)).toEqual([2 ** 40, 0.5]);
    const back = roundTrip({ seqs, positions }) as { seqs: SeqList; positions: FloatList };
    expect(back.seqs).toBeInstanceOf(SeqList);
    expect(back.positions).toBeInstanceOf(FloatList);
    expect(back.seqs.toArray()).toEqual([5, 1, 9, 12]);
    expect(back.positions.toArray()).toEqual([2 ** 40, 0.5]);
    back.seqs.push(13);
    expect(back.seqs.toArray()).toEqual([5, 1, 9, 12, 13]);
    expect(seqs.toArray()).toEqual([5, 1, 9, 12]);
  });

  it('reads a list back into memory of its own, not a view into the bytes it was read from', () => {
    const bytes = serialize(pack({ seqs: SeqList.of([1, 2, 3, 4]) }));
    const back = unpack(deserialize(bytes)) as { seqs: SeqList };
    bytes.fill(0);
    expect(back.seqs.toArray()).toEqual([1, 2, 3, 4]);
  });

  it('reads strings the domain enumerates back unchanged, in packed and plain arrays and fields', () => {
    const value = {
      status: range(20, (i) => (i % 2 ? 'COMPLETE' : 'LIMITED')),
      kinds: ['DONE', 'NOT_DONE'],
      lifecycle: 'SUSPENDED',
      other: 'DONE?',
    };
    expect(roundTrip(value)).toEqual(value);
  });

  it('refuses a piece that was not packed by this code', () => {
    expect(() => unpack(deserialize(serialize({ kind: 'plan' })))).toThrow(/not packed by this code/);
  });
});
