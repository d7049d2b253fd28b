import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SnapshotFileReader, readSnapshotFile } from './snapshot-file-reader';
import { SnapshotFileError, SnapshotFileWriter, type SnapshotHeader } from './snapshot-file';
import { DIGEST, END, TRAILER } from './snapshot-format';

const HEADER: SnapshotHeader = {
  format: 1,
  fingerprint: 'f'.repeat(64),
  store: 'embedded',
  position: '42',
  eventId: 'e-42',
  writtenAt: '2026-12-01T00:00:00.000Z',
};
// Lengths that straddle a small block, fill it exactly, and exceed it.
const LENGTHS = [0, 1, 50, 63, 64, 65, 200, 7, 1000, 3];
const piece = (i: number, length: number) => Buffer.alloc(length, (i * 37 + 11) % 256);
const PIECES = LENGTHS.map((n, i) => piece(i, n));

describe('snapshot file reader', () => {
  const dir = mkdtempSync(join(tmpdir(), 'snapshot-file-'));
  const file = join(dir, 'read-models.snapshot');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeEach(async () => {
    const writer = await SnapshotFileWriter.create(file, HEADER);
    await writer.write(PIECES.slice(0, 4));
    await writer.write(PIECES.slice(4));
    await writer.commit();
  });

  /** Every piece as handed over (copied: a view is valid only during the call), with a 64-byte block. */
  async function readAll(blockBytes = 64): Promise<{ header: SnapshotHeader; pieces: Buffer[] }> {
    const reader = await SnapshotFileReader.open(file, { blockBytes });
    if (!reader) throw new Error('no snapshot');
    const pieces: Buffer[] = [];
    try {
      await reader.pieces((p) => pieces.push(Buffer.from(p)));
    } finally {
      await reader.close();
    }
    return { header: reader.header, pieces };
  }

  /** Rewrites the file's digest so that only the change under test is wrong. */
  function resealed(bytes: Buffer): Buffer {
    const body = bytes.subarray(0, bytes.length - DIGEST);
    return Buffer.concat([body, createHash('sha256').update(body).digest()]);
  }

  it('gives back the header and every piece in order, across block boundaries and for pieces larger than a block', async () => {
    const { header, pieces } = await readAll();
    expect(header).toEqual(HEADER);
    expect(pieces).toEqual(PIECES);
    expect((await readAll(1 << 20)).pieces).toEqual(PIECES);
    expect((await readSnapshotFile(file))!.pieces).toEqual(PIECES);
    expect(readdirSync(dir)).toEqual(['read-models.snapshot']);
  });

  it('says there is none when the file does not exist', async () => {
    expect(await SnapshotFileReader.open(join(dir, 'absent.snapshot'))).toBeUndefined();
    expect(await readSnapshotFile(join(dir, 'absent.snapshot'))).toBeUndefined();
  });

  it.each([
    ['in the header', 10],
    ['among the pieces', 300],
    ['in the trailer', -10],
    ['to a few bytes', 5],
  ])('refuses a torn file (cut %s) as torn', async (_where, at) => {
    const size = readFileSync(file).length;
    truncateSync(file, at < 0 ? size + at : at);
    await expect(readAll()).rejects.toThrow(/torn/);
  });

  it('refuses a file with a byte changed in a piece (checksum), after handing over the pieces it read', async () => {
    const bytes = readFileSync(file);
    bytes[bytes.indexOf(PIECES[8])] ^= 0xff;
    writeFileSync(file, bytes);
    const reader = (await SnapshotFileReader.open(file, { blockBytes: 64 }))!;
    let handed = 0;
    await expect(reader.pieces(() => void handed++)).rejects.toThrow(
      new SnapshotFileError(`${file} is not a whole snapshot (checksum differs: corrupt)`),
    );
    await reader.close();
    expect(handed).toBe(PIECES.length);
  });

  it('refuses a changed digest, a header that is not JSON and a piece length past the end', async () => {
    const original = readFileSync(file);
    const digest = Buffer.from(original);
    digest[digest.length - 1] ^= 1;
    writeFileSync(file, digest);
    await expect(readAll()).rejects.toThrow(/checksum differs/);

    const header = Buffer.from(original);
    header[12] = '!'.charCodeAt(0); // the header's opening brace
    writeFileSync(file, header);
    await expect(SnapshotFileReader.open(file)).rejects.toThrow(/header is not JSON/);

    const length = Buffer.from(original);
    const first = 12 + JSON.stringify(HEADER).length;
    length.writeUInt32LE(0xffff_fff0, first);
    writeFileSync(file, resealed(length));
    await expect(readAll()).rejects.toThrow(/a piece runs past the end/);
  });

  it('refuses a trailer whose piece count differs from the pieces, even with a matching digest', async () => {
    const bytes = readFileSync(file);
    const count = bytes.length - TRAILER + END.length;
    expect(bytes.readUInt32LE(count)).toBe(PIECES.length);
    bytes.writeUInt32LE(PIECES.length + 1, count);
    writeFileSync(file, resealed(bytes));
    await expect(readAll()).rejects.toThrow(/piece count differs/);
  });

  it('refuses a file that is not a snapshot', async () => {
    writeFileSync(file, Buffer.alloc(500, 1));
    await expect(readAll()).rejects.toThrow(/no snapshot header/);
  });
});
