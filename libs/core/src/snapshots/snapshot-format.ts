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

/**
 * Layout: MAGIC, header length (u32) and JSON, pieces as [length u32][bytes], then the trailer:
 * END, piece count (u32), SHA-256 of everything before the digest.
 */
export const MAGIC = Buffer.from('OGLRMS01');
export const END = Buffer.from('OGLRMEND');
export const DIGEST = 32;
export const TRAILER = END.length + 4 + DIGEST;

/** A file that is not a whole snapshot (torn, corrupt): ignored, the log replayed. */
export class SnapshotFileError extends Error {}

export function u32(n: number): Buffer {
  const b = Buffer.allocUnsafe(4);
  b.writeUInt32LE(n);
  return b;
}
