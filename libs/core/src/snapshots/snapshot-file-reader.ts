import { createHash, type Hash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { DIGEST, END, MAGIC, SnapshotFileError, TRAILER, type SnapshotHeader } from './snapshot-format';

/** A snapshot file read whole and verified (length and checksum); its pieces copied out. */
export interface SnapshotFile {
  header: SnapshotHeader;
  pieces: Buffer[];
  bytes: number;
}

/** Bytes read at once; a piece larger than this is read into its own buffer. */
const BLOCK = 4 * 2 ** 20;

/**
 * Reads a snapshot file in blocks through one reused buffer (a 50 MB snapshot never sits in memory
 * whole): the header first, so a snapshot that does not fit is dropped before its pieces are read,
 * then the pieces, handed over one at a time (valid only during the call), and last the check of
 * length, piece count and SHA-256. Until that check passes, what was handed over must not be used.
 */
export class SnapshotFileReader {
  private readonly hash: Hash = createHash('sha256');
  private readonly block: Buffer;
  private blockStart = 0;
  private blockEnd = 0;
  private at = 0;
  private readonly fail = (why: string) => new SnapshotFileError(`${this.file} is not a whole snapshot (${why})`);

  private constructor(
    private readonly file: string,
    private readonly handle: FileHandle,
    readonly bytes: number,
    readonly header: SnapshotHeader,
    private readonly end: number,
    blockBytes: number,
  ) {
    this.block = Buffer.allocUnsafe(blockBytes);
  }

  /** Opens `file` and reads its header; undefined when there is none. */
  static async open(file: string, options: { blockBytes?: number } = {}): Promise<SnapshotFileReader | undefined> {
    let handle: FileHandle;
    try {
      handle = await open(file, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    try {
      const { size } = await handle.stat();
      const fail = (why: string) => new SnapshotFileError(`${file} is not a whole snapshot (${why})`);
      if (size < MAGIC.length + 4 + TRAILER) throw fail('too short: torn');
      const start = await readExactly(handle, Buffer.alloc(MAGIC.length + 4), 0, fail);
      if (!start.subarray(0, MAGIC.length).equals(MAGIC)) throw fail('no snapshot header');
      const end = size - TRAILER;
      const trailer = await readExactly(handle, Buffer.alloc(END.length), end, fail);
      if (!trailer.equals(END)) throw fail('no trailer: torn');
      const length = start.readUInt32LE(MAGIC.length);
      if (start.length + length > end) throw fail('header runs past the end: corrupt');
      const json = await readExactly(handle, Buffer.alloc(length), start.length, fail);
      const header = JSON.parse(json.toString('utf8')) as SnapshotHeader;
      const reader = new SnapshotFileReader(file, handle, size, header, end, options.blockBytes ?? BLOCK);
      reader.hash.update(start).update(json);
      reader.at = start.length + length;
      return reader;
    } catch (error) {
      await handle.close();
      if (error instanceof SyntaxError) throw new SnapshotFileError(`${file} is not a whole snapshot (header is not JSON: corrupt)`);
      throw error;
    }
  }

  /** Hands over each piece, then verifies the whole file; throws SnapshotFileError when it is torn or corrupt. */
  async pieces(each: (piece: Uint8Array) => void): Promise<void> {
    const fail = this.fail;
    let count = 0;
    while (this.at < this.end) {
      const length = (await this.take(4)).readUInt32LE(0);
      if (this.at + length > this.end) throw fail('a piece runs past the end: corrupt');
      each(await this.take(length));
      count++;
    }
    const trailer = await readExactly(this.handle, Buffer.alloc(TRAILER), this.end, fail);
    this.hash.update(trailer.subarray(0, TRAILER - DIGEST));
    if (!this.hash.digest().equals(trailer.subarray(TRAILER - DIGEST))) throw fail('checksum differs: corrupt');
    if (trailer.readUInt32LE(END.length) !== count) throw fail('piece count differs: corrupt');
  }

  async close(): Promise<void> {
    await this.handle.close();
  }

  /** The next `length` bytes: a view into the block (refilled from `at` when they are not all in it), or their own buffer when larger. */
  private async take(length: number): Promise<Buffer> {
    if (this.at + length > this.blockEnd) {
      if (length > this.block.length) return this.consume(await readExactly(this.handle, Buffer.allocUnsafe(length), this.at, this.fail));
      const { bytesRead } = await this.handle.read(this.block, 0, Math.min(this.block.length, this.end - this.at), this.at);
      this.blockStart = this.at;
      this.blockEnd = this.at + bytesRead;
      if (this.at + length > this.blockEnd) throw this.fail('shorter than it says: torn');
    }
    return this.consume(this.block.subarray(this.at - this.blockStart, this.at - this.blockStart + length));
  }

  private consume(bytes: Buffer): Buffer {
    this.hash.update(bytes);
    this.at += bytes.length;
    return bytes;
  }
}

/** Fills `buffer` from `position`; a file that ends first is torn. */
async function readExactly(handle: FileHandle, buffer: Buffer, position: number, fail: (why: string) => Error): Promise<Buffer> {
  const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
  if (bytesRead !== buffer.length) throw fail('shorter than it says: torn');
  return buffer;
}

/** Reads and verifies `file`, pieces copied out (tools, tests); undefined when there is none. */
export async function readSnapshotFile(file: string): Promise<SnapshotFile | undefined> {
  const reader = await SnapshotFileReader.open(file);
  if (!reader) return undefined;
  try {
    const pieces: Buffer[] = [];
    await reader.pieces((piece) => pieces.push(Buffer.from(piece)));
    return { header: reader.header, pieces, bytes: reader.bytes };
  } finally {
    await reader.close();
  }
}
