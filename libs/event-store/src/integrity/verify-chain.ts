import type { HiddenHistory, RecordedEvent } from '../event-store.port';
import { eventHash, GENESIS_HASH, readIntegrity } from './event-hash';

export interface ChainAnchor {
  /** Position of an event the auditor recorded earlier (typically `head` of an earlier verification). */
  position: bigint | string;
  hash: string;
}

export interface VerifyChainOptions {
  /**
   * A head recorded outside the store. The chain alone cannot tell a removed tail, nor a log
   * rewritten (and re-hashed) from some event to the end, from an honest log: the anchor can.
   */
  expectedHead?: ChainAnchor;
}

export interface ChainVerification {
  ok: boolean;
  checkedEvents: number;
  firstBrokenPosition?: string;
  reason?: string;
  /** What the verifier computed (or the anchor recorded). */
  expected?: string;
  /** What is stored. */
  found?: string;
  /** The last event checked, when ok: record it and pass it as `expectedHead` next time. */
  head?: { position: string; hash: string };
  /** Streams whose history the store hides or may remove (see verifyStore). */
  hiddenHistory?: HiddenHistory[];
}

interface Link {
  position: bigint;
  revision: bigint;
  hash: string;
}

/**
 * Walks the whole log from its first event, in position order (`store.readAll()`), and reports
 * the first broken link: each event's hash recomputed from its content, `prevHash` equal to the
 * hash of the event before it, `streamPrevHash` equal to the hash of the stream's previous event,
 * revisions 0, 1, 2… per stream. Once the log is hash-chained (embedded, in-memory), every later
 * event must be too; EventStoreDB events carry stream links only.
 */
export async function verifyChain(
  events: AsyncIterable<RecordedEvent> | Iterable<RecordedEvent>,
  options: VerifyChainOptions = {},
): Promise<ChainVerification> {
  const anchor = options.expectedHead && { position: BigInt(options.expectedHead.position), hash: options.expectedHead.hash };
  let anchorSeen = false;
  let previous: Link | undefined;
  let chainedSince: bigint | undefined;
  const streams = new Map<string, Link>();
  let checked = 0;
  const broken = (at: bigint, reason: string, expected?: string, found?: string): ChainVerification => ({
    ok: false,
    checkedEvents: checked,
    firstBrokenPosition: at.toString(),
    reason: `event at position ${at}: ${reason}`,
    ...(expected === undefined ? {} : { expected }),
    ...(found === undefined ? {} : { found }),
  });

  for await (const e of events) {
    const at = e.position;
    if (anchor && !anchorSeen && at > anchor.position) {
      return broken(
        anchor.position,
        `not found (the log skips to position ${at}), yet the recorded head is there — events were removed`,
        anchor.hash,
        'no event',
      );
    }
    if (previous && at <= previous.position) {
      return broken(at, `comes after position ${previous.position}: the events are not in log order`);
    }
    const integrity = readIntegrity(e.metadata);
    if (!integrity) return broken(at, 'carries no valid integrity metadata (written before tamper evidence, or stripped)');

    const recomputed = eventHash(e, integrity);
    if (recomputed !== integrity.hash) {
      return broken(
        at,
        `content hash mismatch — expected ${recomputed}, found ${integrity.hash} (the stored content or its recorded hash was changed)`,
        recomputed,
        integrity.hash,
      );
    }

    if (integrity.prevHash !== undefined) {
      const want = previous?.hash ?? GENESIS_HASH;
      if (integrity.prevHash !== want) {
        const before = previous ? `the event before it (position ${previous.position})` : 'the genesis (it is the first event read)';
        return broken(
          at,
          `prevHash does not match the hash of ${before} — an event was deleted, inserted or moved`,
          want,
          integrity.prevHash,
        );
      }
      chainedSince ??= at;
    } else if (chainedSince !== undefined) {
      return broken(at, `has no prevHash although the log is hash-chained from position ${chainedSince}`);
    }

    const last = streams.get(e.stream);
    if (!last && e.revision !== 0n) {
      return broken(
        at,
        `stream "${e.stream}" starts at revision ${e.revision} instead of 0 — its first events are missing`,
        '0',
        e.revision.toString(),
      );
    }
    if (last && e.revision !== last.revision + 1n) {
      return broken(
        at,
        `stream "${e.stream}" jumps from revision ${last.revision} to ${e.revision}`,
        (last.revision + 1n).toString(),
        e.revision.toString(),
      );
    }
    const wantStream = last?.hash ?? GENESIS_HASH;
    if (integrity.streamPrevHash !== wantStream) {
      const before = last ? `the stream's previous event (position ${last.position})` : 'the genesis (revision 0)';
      return broken(
        at,
        `streamPrevHash of stream "${e.stream}" does not match the hash of ${before}`,
        wantStream,
        integrity.streamPrevHash,
      );
    }

    if (anchor && at === anchor.position) {
      if (integrity.hash !== anchor.hash) {
        return broken(at, 'hash differs from the recorded head — the log was rewritten up to here', anchor.hash, integrity.hash);
      }
      anchorSeen = true;
    }
    previous = { position: at, revision: e.revision, hash: integrity.hash };
    streams.set(e.stream, previous);
    checked++;
  }

  if (anchor && !anchorSeen) {
    const end = previous ? `ends at position ${previous.position}` : 'is empty';
    return broken(
      anchor.position,
      `not found: the log ${end}, before the recorded head — events were removed from the end`,
      anchor.hash,
      'no event',
    );
  }
  return {
    ok: true,
    checkedEvents: checked,
    ...(previous ? { head: { position: previous.position.toString(), hash: previous.hash } } : {}),
  };
}
