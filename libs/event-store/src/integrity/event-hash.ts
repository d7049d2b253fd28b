import { hash as digest } from 'node:crypto';
import { canonicalJson, canonicalJsonPart, canonicalJsonWithout } from '@ledger/canonical-json';

export { canonicalJson };

/**
 * Tamper evidence: every stored event carries, in `metadata.integrity`, a SHA-256 of its content
 * chained to the previous event of the log (`prevHash`) and of its stream (`streamPrevHash`).
 * Editing, deleting or reordering stored events breaks a link that `verifyChain` reports.
 *
 * What is hashed (UTF-8, sha256, lowercase hex):
 *   `${prevHash ?? ''}\n${streamPrevHash}\n${canonicalJson(body)}`
 *   body = { stream, revision (decimal string), id, type, data, metadata without `integrity`,
 *            created (epoch ms, decimal string) — only for log-chained events, see below }
 *
 * - Genesis: the first event of the log, and the first event of each stream, link to GENESIS_HASH.
 *   An event written after an unsealed one (a row from before this feature) links to GENESIS too:
 *   the sealed chain starts there, and the verifier reports the unsealed rows.
 * - `prevHash` is absent where the adapter does not decide the log order (EventStoreDB: the server
 *   orders $all). `created` is covered exactly when `prevHash` is present: adapters that order the
 *   log also stamp the time (embedded, in-memory); EventStoreDB stamps it server-side, after we hash.
 */
export const GENESIS_HASH = '0'.repeat(64);

/** Reserved metadata key: the store writes it, replacing whatever a caller put there. */
export const INTEGRITY_KEY = 'integrity';

export interface EventIntegrity {
  /** Hash of the previous event of the log (GENESIS_HASH for the first); absent on EventStoreDB. */
  prevHash?: string;
  /** Hash of the previous event of the same stream (GENESIS_HASH for revision 0). */
  streamPrevHash: string;
  /** This event's hash. */
  hash: string;
}

export interface HashedEvent {
  stream: string;
  revision: bigint;
  id: string;
  type: string;
  data: unknown;
  /** With or without `integrity`: that key is never hashed. */
  metadata: Record<string, unknown>;
  /** Hashed only together with `prevHash` (see above). */
  created?: Date;
}

const HEX64 = /^[0-9a-f]{64}$/;

/** The metadata as hashed: without the `integrity` key (a copy only when the key is there). */
export function withoutIntegrity(metadata: Record<string, unknown>): Record<string, unknown> {
  if (!Object.prototype.hasOwnProperty.call(metadata, INTEGRITY_KEY)) return metadata;
  const copy = { ...metadata };
  delete copy[INTEGRITY_KEY];
  return copy;
}

/** sha256 hex of the event's content and both links. */
export function eventHash(event: HashedEvent, links: { prevHash?: string; streamPrevHash: string }): string {
  let created = '';
  if (links.prevHash !== undefined) {
    if (!event.created) throw new TypeError('eventHash: a log-chained event needs its created time');
    created = `"created":"${event.created.getTime()}",`;
  }
  // canonicalJson(body), written out in its sorted key order (this runs in the append transaction).
  const data = canonicalJsonPart(event.data);
  const body =
    `{${created}${data === undefined ? '' : `"data":${data},`}"id":${JSON.stringify(event.id)},` +
    `"metadata":${canonicalJsonWithout(event.metadata, INTEGRITY_KEY)},"revision":"${event.revision}",` +
    `"stream":${JSON.stringify(event.stream)},"type":${JSON.stringify(event.type)}}`;
  return digest('sha256', `${links.prevHash ?? ''}\n${links.streamPrevHash}\n${body}`, 'hex');
}

/** The metadata to store: the caller's metadata plus `integrity` (links and this event's hash). */
export function sealEvent(
  event: HashedEvent,
  links: { prevHash?: string; streamPrevHash: string },
): { metadata: Record<string, unknown>; hash: string } {
  const hash = eventHash(event, links);
  const integrity: EventIntegrity =
    links.prevHash === undefined
      ? { streamPrevHash: links.streamPrevHash, hash }
      : { prevHash: links.prevHash, streamPrevHash: links.streamPrevHash, hash };
  return { metadata: { ...withoutIntegrity(event.metadata), [INTEGRITY_KEY]: integrity }, hash };
}

/** Seals events appended to one stream from `revision` on, linked to the stream only (EventStoreDB). */
export function sealStreamRun<E extends { id: string; type: string; data: unknown; metadata: Record<string, unknown> }>(
  stream: string,
  revision: bigint,
  events: E[],
  streamPrevHash: string,
): E[] {
  return events.map((e, i) => {
    const sealed = sealEvent(
      { stream, revision: revision + BigInt(i), id: e.id, type: e.type, data: e.data, metadata: e.metadata },
      { streamPrevHash },
    );
    streamPrevHash = sealed.hash;
    return { ...e, metadata: sealed.metadata };
  });
}

/** The event's `integrity`, or undefined when it is missing or malformed. */
export function readIntegrity(metadata: Record<string, unknown>): EventIntegrity | undefined {
  const raw = metadata[INTEGRITY_KEY] as Partial<Record<keyof EventIntegrity, unknown>> | undefined;
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { prevHash, streamPrevHash, hash } = raw;
  if (typeof hash !== 'string' || !HEX64.test(hash) || typeof streamPrevHash !== 'string' || !HEX64.test(streamPrevHash)) return undefined;
  if (prevHash !== undefined && (typeof prevHash !== 'string' || !HEX64.test(prevHash))) return undefined;
  return prevHash === undefined ? { streamPrevHash, hash } : { prevHash, streamPrevHash, hash };
}

/** What a new event links to, given its predecessor's stored hash: that hash, or GENESIS_HASH when
 * there is no predecessor or it is unsealed (the sealed chain restarts; the verifier reports it). */
export function linkTo(storedHash: unknown): string {
  return typeof storedHash === 'string' && HEX64.test(storedHash) ? storedHash : GENESIS_HASH;
}

/** linkTo for a predecessor read as an event: its metadata's `integrity.hash`. */
export function linkToEvent(predecessor: { metadata: Record<string, unknown> } | undefined): string {
  return linkTo(predecessor && readIntegrity(predecessor.metadata)?.hash);
}
