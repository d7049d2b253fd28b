import { LedgerError } from '@ledger/domain';
import { StoreError } from '@ledger/event-store';

/**
 * The edge where the store's errors become the ledger's: same stable code, message and details.
 * Anything else passes through unchanged.
 */
export function toLedgerError(error: unknown): unknown {
  return error instanceof StoreError ? new LedgerError(error.code, error.message, error.details) : error;
}
