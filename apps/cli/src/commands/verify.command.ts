import { verifyStore, type ChainAnchor } from '@ledger/event-store';
import { openStore } from './replay.command';

/**
 * `ledger verify [--expected-head POSITION:HASH]`: recomputes the hash chain of the whole log and
 * prints OK (with the head to record for next time) or the first broken link.
 */
export async function verifyCommand(options: { expectedHead?: string }): Promise<number> {
  let expectedHead: ChainAnchor | undefined;
  if (options.expectedHead) {
    const m = /^(\d+):([0-9a-f]{64})$/.exec(options.expectedHead);
    if (!m) {
      process.stderr.write(`--expected-head must be POSITION:HASH (as printed by an earlier verify), got ${options.expectedHead}\n`);
      return 1;
    }
    expectedHead = { position: BigInt(m[1]), hash: m[2] };
  }
  const store = openStore();
  try {
    const started = Date.now();
    const result = await verifyStore(store, { expectedHead });
    if (result.ok) {
      process.stdout.write(`OK: ${result.checkedEvents} events verified in ${Date.now() - started} ms`);
      process.stdout.write(
        result.head ? `; head ${result.head.position}:${result.head.hash} (record it, pass it as --expected-head next time)\n` : '\n',
      );
      return 0;
    }
    process.stdout.write(
      result.firstBrokenPosition ? `BROKEN at position ${result.firstBrokenPosition}: ${result.reason}\n` : `NOT OK: ${result.reason}\n`,
    );
    if (result.expected || result.found) process.stdout.write(`  expected ${result.expected ?? '—'}\n  found    ${result.found ?? '—'}\n`);
    return 1;
  } finally {
    await store.close();
  }
}
