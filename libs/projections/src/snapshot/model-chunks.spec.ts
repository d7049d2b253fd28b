import { decodeChunk, encodeChunk, type ModelChunk } from './model-chunks';

describe('snapshot pieces (model-chunks)', () => {
  const rows = 64;
  const chunk: ModelChunk = {
    kind: 'log',
    from: 0,
    effective: Float64Array.from({ length: rows }, (_, i) => 1.5e12 + i),
    recorded: Float64Array.from({ length: rows }, (_, i) => 1.5e12 + 2 * i),
    position: BigUint64Array.from({ length: rows }, (_, i) => BigInt(i + 1)),
  };

  it('decodes into values that share no memory with the bytes read (the reader reuses its buffer)', () => {
    const bytes = encodeChunk(chunk);
    // At each alignment: V8's deserializer hands back views into the input when a typed array's bytes are aligned.
    for (let shift = 0; shift < 8; shift++) {
      const block = Buffer.alloc(bytes.length + 8);
      bytes.copy(block, shift);
      const decoded = decodeChunk(block.subarray(shift, shift + bytes.length));
      block.fill(0xff); // the next block read
      expect(decoded).toEqual(chunk);
    }
  });
});
