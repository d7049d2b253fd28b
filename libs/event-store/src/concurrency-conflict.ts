import { LedgerError } from '@ledger/domain';
import type { ExpectedRevision } from './event-store.port';

export function describeExpected(expected: ExpectedRevision): string {
  return typeof expected === 'bigint' ? `revision ${expected}` : expected;
}

/** The store's wrong-expected-version error, as every adapter reports it. */
export function concurrencyConflict(stream: string, expected: ExpectedRevision, actual: bigint | 'no_stream'): LedgerError {
  const actualText = actual === 'no_stream' ? 'no stream' : `revision ${actual}`;
  return new LedgerError(
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
