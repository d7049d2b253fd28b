import { deserialize, serialize } from 'node:v8';
import type { AccessSnapshot } from '../access.projection';
import type { CommitmentRow } from '../commitments/commitment-rows';
import type { PlanRecord } from '../plans.projection';
import type { CommitmentNode, PlanNode } from '../time-travel/index-nodes';
import { pack, unpack } from './packed-arrays';

/**
 * The pieces a snapshot of the read models is made of, each serialised on its own (V8's
 * structured serialisation: Maps, typed arrays and BigInts as they are) so a snapshot can be
 * written a few pieces at a time, and every piece reflects one and the same log position.
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

export const encodeChunk = (chunk: ModelChunk): Buffer => serialize(pack(chunk));
/** The piece in `bytes`; what it returns shares no memory with `bytes` (a reader may reuse them). */
export const decodeChunk = (bytes: Uint8Array): ModelChunk => unpack(deserialize(bytes)) as ModelChunk;
