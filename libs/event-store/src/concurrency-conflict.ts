import { StoreError } from './store-error';
import type { ExpectedRevision } from './event-store.port';

export function describeExpected(expected: ExpectedRevision): string {
  return typeof expected === 'bigint' ? `revision ${expected}` : expected;
}

/** The store's wrong-expected-version error, as every adapter reports it. */
export function concurrencyConflict(stream: string, expected: ExpectedRevision, actual: bigint | 'no_stream'): StoreError {
  const actualText = actual === 'no_stream' ? 'no stream' : `revision ${actual}`;
  return new StoreError(
    'CONCURRENCY_CONFLICT',
    `stream "${stream}" was expected at ${describeExpected(expected)} but is at ${actualText}`,
    { stream, expected: String(expected), actual: String(actual), currentRevision: actual === 'no_stream' ? -1 : Number(actual) },
  );
}

/** Whether `actual` satisfies `expected` (shared by the adapters that decide it themselves). */
export function satisfies(expected: ExpectedRevision, actual: bigint | 'no_stream'): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return actual === 'no_stream';
  if (expected === 'stream_exists') return actual !== 'no_stream';
  return actual === expected;
}

interface WrittenEvent {
  stream: string;
  revision: bigint;
  position: bigint;
}

/**
 * EventStoreDB's idempotency rule, for adapters that decide it themselves: when the appended
 * event ids are already stored, contiguously in this stream right after `expected`, the append is
 * a retry and succeeds with the original result; a partial or misplaced overlap is a conflict.
 * `written` holds what the store has for each appended id (undefined: not stored).
 */
export function replayOutcome(
  stream: string,
  expected: ExpectedRevision,
  written: ReadonlyArray<WrittenEvent | undefined>,
): { replay: true; result: { nextRevision: bigint; position: bigint } } | { replay: false } {
  const first = written[0];
  if (!first) return { replay: false };
  const startOk = typeof expected === 'bigint' ? first.revision === expected + 1n : expected === 'no_stream' ? first.revision === 0n : true;
  const contiguous = written.every((r, i) => r !== undefined && r.stream === stream && r.revision === first.revision + BigInt(i));
  if (!startOk || !contiguous) return { replay: false };
  const last = written[written.length - 1]!;
  return { replay: true, result: { nextRevision: last.revision, position: last.position } };
}
