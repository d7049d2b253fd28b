import { deserialize, serialize } from 'node:v8';
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
    const packed = pack({ seqs: range(100, (i) => i), kinds: range(100, () => 'DONE') }) as Record<string, Record<string, unknown>>;
    expect(Object.values(packed.seqs)[0]).toBeInstanceOf(Int32Array);
    expect(Object.values(packed.kinds).some((v) => v instanceof Uint8Array)).toBe(true);
  });
});
