import { createHash, type Hash } from 'node:crypto';
import { open, readFile, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

/** What a snapshot file says about itself, before its pieces. */
export interface SnapshotHeader {
  format: 1;
  /** Of the code that wrote it (projection-fingerprint.ts): another code discards it. */
  fingerprint: string;
  /** The store it was taken from: its kind and the last event the read models had applied. */
  store: string;
  position: string;
  eventId: string;
  /** That event's chain hash, when the store seals events. */
  eventHash?: string;
  writtenAt: string;
}

const MAGIC = Buffer.from('OGLRMS01');
const END = Buffer.from('OGLRMEND');
const DIGEST = 32;
/** Trailer: END, piece count (u32), SHA-256 of everything before the digest. */
const TRAILER = END.length + 4 + DIGEST;

export class SnapshotFileError extends Error {}

/**
 * Writes a snapshot to `<file>.tmp-<pid>`, piece by piece as they are produced, then fsyncs and
 * renames it over `file`: readers see the old file or the whole new one, never a torn one.
 * Layout: MAGIC, header length (u32) and JSON, pieces as [length u32][bytes], trailer.
 */
export class SnapshotFileWriter {
  private readonly hash: Hash = createHash('sha256');
  private pieces = 0;
  bytes = 0;

  private constructor(
    private readonly file: string,
    private readonly tmp: string,
    private readonly handle: FileHandle,
  ) {}

  static async create(file: string, header: SnapshotHeader): Promise<SnapshotFileWriter> {
    const tmp = `${file}.tmp-${process.pid}`;
    const writer = new SnapshotFileWriter(file, tmp, await open(tmp, 'w'));
    const json = Buffer.from(JSON.stringify(header));
    await writer.raw([MAGIC, u32(json.length), json]);
    return writer;
  }

  async write(pieces: readonly Buffer[]): Promise<void> {
    if (pieces.length === 0) return;
    const parts: Buffer[] = [];
    for (const piece of pieces) parts.push(u32(piece.length), piece);
    this.pieces += pieces.length;
    await this.raw(parts);
  }

  /** Trailer, fsync, rename over the previous snapshot, fsync of the directory (the rename itself). */
  async commit(): Promise<void> {
    await this.raw([END, u32(this.pieces)]);
    await this.handle.write(this.hash.digest());
    await this.handle.sync();
    await this.handle.close();
    await rename(this.tmp, this.file);
    const dir = await open(dirname(this.file), 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  }

  async abort(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await rm(this.tmp, { force: true });
  }

  private async raw(parts: Buffer[]): Promise<void> {
    const buffer = Buffer.concat(parts);
    this.hash.update(buffer);
    this.bytes += buffer.length;
    await this.handle.write(buffer);
  }
}

/** A snapshot file read whole and verified (length and checksum); its pieces are views into it. */
export interface SnapshotFile {
  header: SnapshotHeader;
  pieces: Uint8Array[];
  bytes: number;
}

/** Reads and verifies `file`; undefined when there is none; SnapshotFileError when it is torn or corrupt. */
export async function readSnapshotFile(file: string): Promise<SnapshotFile | undefined> {
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const fail = (why: string) => new SnapshotFileError(`${file} is not a whole snapshot (${why})`);
  if (data.length < MAGIC.length + 4 + TRAILER || !data.subarray(0, MAGIC.length).equals(MAGIC)) throw fail('no snapshot header');
  const end = data.length - TRAILER;
  if (!data.subarray(end, end + END.length).equals(END)) throw fail('no trailer: torn');
  const digest = createHash('sha256')
    .update(data.subarray(0, data.length - DIGEST))
    .digest();
  if (!digest.equals(data.subarray(data.length - DIGEST))) throw fail('checksum differs: corrupt');
  const headerLength = data.readUInt32LE(MAGIC.length);
  let at = MAGIC.length + 4 + headerLength;
  if (at > end) throw fail('header runs past the end');
  const header = JSON.parse(data.subarray(MAGIC.length + 4, at).toString('utf8')) as SnapshotHeader;
  const pieces: Uint8Array[] = [];
  while (at < end) {
    const length = data.readUInt32LE(at);
    if (at + 4 + length > end) throw fail('a piece runs past the end');
    pieces.push(data.subarray(at + 4, at + 4 + length));
    at += 4 + length;
  }
  if (pieces.length !== data.readUInt32LE(end + END.length)) throw fail('piece count differs');
  return { header, pieces, bytes: data.length };
}

function u32(n: number): Buffer {
  const b = Buffer.allocUnsafe(4);
  b.writeUInt32LE(n);
  return b;
}
