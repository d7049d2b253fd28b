import { createHash, type Hash } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { END, MAGIC, u32, type SnapshotHeader } from './snapshot-format';

export { SnapshotFileError, type SnapshotHeader } from './snapshot-format';

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
