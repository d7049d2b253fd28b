import { deserialize, serialize } from 'node:v8';
import type { AccessSnapshot } from '../access.projection';
import type { CommitmentRow } from '../commitments/commitment-rows';
import type { PlanRecord } from '../plans.projection';
import type { CommitmentNode, PlanNode } from '../time-travel/index-nodes';
import { pack, unpack } from './packed-arrays';

/**
 * The pieces a snapshot of the read models is made of, each serialised on its own (V8's
 * structured serialisation: Maps, typed arrays and BigInts as they are) so a snapshot can be
 * written a few pieces at a time, and every piece reflects one and the same log position. Ranges of
 * the index's log columns are raw bytes instead (below): they are most of a snapshot, and read
 * back with one copy each, straight into the columns.
 */
export type ModelChunk =
  /** A plan's record (plans read model) and node (time-travel index); either may be absent. */
  | { kind: 'plan'; id: string; record?: PlanRecord; node?: PlanNode }
  /** A commitment's row (commitments read model) and node (time-travel index). */
  | { kind: 'commitment'; id: string; row?: CommitmentRow; node?: CommitmentNode }
  | { kind: 'access'; access: AccessSnapshot }
  /** Rows [from, from + length) of the index's log columns. */
  | { kind: 'log'; from: number; effective: Float64Array; recorded: Float64Array; position: BigUint64Array }
  /** The index's log columns' scalars and row count. */
  | { kind: 'log-meta'; count: number; recordedMonotone: boolean; maxLead: number }
  /** Entries of an append-only map: the in-memory content ('content'), or one the caller adds (e.g. command ids). */
  | { kind: 'entries'; name: string; entries: Array<[unknown, unknown]> }
  /** Scalars the caller adds (e.g. how many events were applied). */
  | { kind: 'meta'; values: Record<string, unknown> };

export type LogRange = ModelChunk & { kind: 'log' };

/**
 * A log range's bytes: tag, `from` and the row count, then the three columns, each 8 bytes a row
 * (little-endian, as the typed arrays hold them). V8's serialisation always starts with 0xFF, so
 * the tag tells the two apart.
 */
const LOG_TAG = 0x01;
const LOG_HEADER = 16;

function encodeLogRange(range: LogRange): Buffer {
  const rows = range.effective.length;
  const out = Buffer.alloc(LOG_HEADER + rows * 24);
  out[0] = LOG_TAG;
  out.writeUInt32LE(range.from, 4);
  out.writeUInt32LE(rows, 8);
  let at = LOG_HEADER;
  for (const column of [range.effective, range.recorded, range.position]) {
    out.set(new Uint8Array(column.buffer, column.byteOffset, rows * 8), at);
    at += rows * 8;
  }
  return out;
}

/** Where a log range's columns are in its bytes (to be copied before those bytes change). */
export interface LogRangeBytes {
  from: number;
  rows: number;
  effective: Uint8Array;
  recorded: Uint8Array;
  position: Uint8Array;
}

/** The columns of a log range piece as byte views into `bytes`, or undefined when `bytes` is another piece. */
export function logRangeBytes(bytes: Uint8Array): LogRangeBytes | undefined {
  if (bytes[0] !== LOG_TAG) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const from = view.getUint32(4, true);
  const rows = view.getUint32(8, true);
  if (bytes.length !== LOG_HEADER + rows * 24) throw new Error('snapshot piece: a log range of the wrong length');
  const column = (i: number) => bytes.subarray(LOG_HEADER + i * rows * 8, LOG_HEADER + (i + 1) * rows * 8);
  return { from, rows, effective: column(0), recorded: column(1), position: column(2) };
}

/** A decoded log range seen as bytes, like `logRangeBytes` sees a piece (views, no copy). */
export function logRangeViews(range: LogRange): LogRangeBytes {
  const bytes = (column: Float64Array | BigUint64Array) => new Uint8Array(column.buffer, column.byteOffset, column.byteLength);
  return {
    from: range.from,
    rows: range.effective.length,
    effective: bytes(range.effective),
    recorded: bytes(range.recorded),
    position: bytes(range.position),
  };
}

const copied = <A extends Float64Array | BigUint64Array>(make: (n: number) => A, rows: number, bytes: Uint8Array): A => {
  const out = make(rows);
  new Uint8Array(out.buffer).set(bytes);
  return out;
};

export const encodeChunk = (chunk: ModelChunk): Buffer => (chunk.kind === 'log' ? encodeLogRange(chunk) : serialize(pack(chunk)));

/** The piece in `bytes`; what it returns shares no memory with `bytes` (a reader may reuse them). */
export function decodeChunk(bytes: Uint8Array): ModelChunk {
  const range = logRangeBytes(bytes);
  if (!range) return unpack(deserialize(bytes)) as ModelChunk;
  return {
    kind: 'log',
    from: range.from,
    effective: copied((n) => new Float64Array(n), range.rows, range.effective),
    recorded: copied((n) => new Float64Array(n), range.rows, range.recorded),
    position: copied((n) => new BigUint64Array(n), range.rows, range.position),
  };
}
