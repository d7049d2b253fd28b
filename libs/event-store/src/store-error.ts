/** What can go wrong in any adapter, as stable codes the shell maps to its own errors. */
export type StoreErrorCode = 'CONCURRENCY_CONFLICT' | 'STORE_UNAVAILABLE';

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
