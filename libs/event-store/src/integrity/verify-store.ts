import type { EventStore, RecordedEvent } from '../event-store.port';
import { verifyChain, type ChainVerification, type VerifyChainOptions } from './verify-chain';

/**
 * The whole verification of a store: the hash chain over its log, then — where an operator can
 * hide or remove history (EventStoreDB) — whether any stream of the log is exposed to that. A
 * chain that verifies on a store that hides part of it is reported as not ok: the auditor is told
 * which streams, and why, rather than shown an OK that a scavenge could silently turn into a gap.
 */
export interface VerifyStoreOptions extends VerifyChainOptions {
  /** Wraps the log as it is read (e.g. to yield to other work during a long scan). */
  through?: (events: AsyncIterable<RecordedEvent>) => AsyncIterable<RecordedEvent>;
}

export async function verifyStore(store: EventStore, options: VerifyStoreOptions = {}): Promise<ChainVerification> {
  const streams = new Set<string>();
  async function* noting(events: AsyncIterable<RecordedEvent>): AsyncIterable<RecordedEvent> {
    for await (const e of events) {
      streams.add(e.stream);
      yield e;
    }
  }
  const events = noting(store.readAll());
  const chain = await verifyChain(options.through ? options.through(events) : events, { expectedHead: options.expectedHead });
  const copy = chain.ok && store.headerCopiesDiffer ? await store.headerCopiesDiffer() : undefined;
  if (copy)
    return {
      ...chain,
      ok: false,
      firstBrokenPosition: copy.position.toString(),
      reason: `event at position ${copy.position}: its copy of metadata.${copy.field} (what projections read) differs from its hashed metadata`,
    };
  const hidden = store.hiddenHistory ? await store.hiddenHistory(streams) : [];
  if (hidden.length === 0) return chain;
  const list = hidden.map((h) => `"${h.stream}" ${h.reason}`).join('; ');
  return {
    ...chain,
    ok: false,
    reason: `${chain.ok ? 'the hash chain verifies, but ' : `${chain.reason}; also, `}the store hides or may remove history of ${hidden.length} stream(s): ${list}`,
    hiddenHistory: hidden,
  };
}
