import { inflateRawSync } from 'node:zlib';
import { FILE_LIMITS } from './file-limits';
import { refuse } from './plan-problem';

/** One entry of a zip's central directory. */
export interface ZipEntry {
  name: string;
  encrypted: boolean;
  method: number;
  compressedSize: number;
  size: number;
  localHeader: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export const isZip = (bytes: Uint8Array): boolean =>
  bytes.length >= 4 && Buffer.from(bytes.buffer, bytes.byteOffset, 4).readUInt32LE(0) === LOCAL;

/**
 * Reads a zip's central directory without unpacking anything, so a file is judged (encrypted,
 * too many entries, declared sizes) before any library inflates it. Zip64 is refused: no plan
 * needs 4 GB.
 */
export function listZip(bytes: Buffer, file: string): ZipEntry[] {
  const malformed = (why: string) => refuse({ file }, 'VALIDATION_FAILED', 'malformed', `not a readable zip file (${why})`);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return malformed('no end of central directory');
  const count = bytes.readUInt16LE(eocd + 10);
  const start = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || start === 0xffffffff) return refuse({ file }, 'PAYLOAD_TOO_LARGE', 'zip64', 'zip64 archives are not accepted');
  if (count > FILE_LIMITS.maxZipEntries)
    return refuse(
      { file },
      'PAYLOAD_TOO_LARGE',
      'tooManyEntries',
      `the zip has ${count} entries; at most ${FILE_LIMITS.maxZipEntries} are accepted`,
    );
  const entries: ZipEntry[] = [];
  let at = start;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) return malformed('broken central directory');
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    entries.push({
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      encrypted: (bytes.readUInt16LE(at + 8) & 1) === 1,
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localHeader: bytes.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extra + comment;
  }
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > FILE_LIMITS.maxUnpackedBytes) tooBig(file, declared);
  return entries;
}

/** `declared`: the sizes the zip announces, or undefined when inflating found more than announced. */
function tooBig(file: string, declared?: number): never {
  const how = declared === undefined ? 'more than declared' : `${Math.round(declared / 1024 / 1024)} MB declared`;
  return refuse(
    { file },
    'PAYLOAD_TOO_LARGE',
    'zipBomb',
    `the file unpacks to more than ${FILE_LIMITS.maxUnpackedBytes / 1024 / 1024} MB (${how}); nothing was read`,
  );
}

/**
 * Unpacks the entries `wanted` selects, never more than the unpacked-size budget in total (the
 * declared sizes may lie: inflation itself is bounded).
 */
export function unzip(bytes: Buffer, file: string, wanted: (name: string) => boolean = () => true): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  let budget: number = FILE_LIMITS.maxUnpackedBytes;
  for (const entry of listZip(bytes, file)) {
    if (entry.name.endsWith('/') || !wanted(entry.name)) continue;
    if (entry.encrypted) refuse({ file: `${file}: ${entry.name}` }, 'VALIDATION_FAILED', 'encrypted', 'the entry is password-protected');
    const at = entry.localHeader;
    if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL)
      refuse({ file }, 'VALIDATION_FAILED', 'malformed', `not a readable zip file (broken entry ${entry.name})`);
    const dataStart = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
    const data = bytes.subarray(dataStart, dataStart + entry.compressedSize);
    let content: Buffer;
    if (entry.method === 0) content = Buffer.from(data);
    else if (entry.method === 8) {
      try {
        content = inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') tooBig(file);
        return refuse({ file }, 'VALIDATION_FAILED', 'malformed', `not a readable zip file (${entry.name}: ${(error as Error).message})`);
      }
    } else
      return refuse({ file }, 'VALIDATION_FAILED', 'malformed', `${entry.name} uses an unsupported compression method (${entry.method})`);
    if (content.length !== entry.size)
      refuse({ file }, 'VALIDATION_FAILED', 'malformed', `not a readable zip file (${entry.name} is not the size it declares)`);
    budget -= content.length;
    out.set(entry.name, content);
  }
  return out;
}
