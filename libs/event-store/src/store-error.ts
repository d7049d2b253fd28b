/**
 * What can go wrong in any adapter, as stable codes the shell maps to its own errors.
 * ILLEGAL_STATE: the stored log itself refuses the operation (EventStoreDB hides or deleted part of
 * a stream's history, or events share one position) — see docs/adr/0010.
 */
export type StoreErrorCode = 'CONCURRENCY_CONFLICT' | 'STORE_UNAVAILABLE' | 'ILLEGAL_STATE';

/**
 * The store's own error type: it knows nothing of the domain. `details` are safe to show a caller
 * (stream, expected/current revision, the action that failed), never credentials.
 */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export const isStoreError = (error: unknown, code?: StoreErrorCode): error is StoreError =>
  error instanceof StoreError && (code === undefined || error.code === code);
