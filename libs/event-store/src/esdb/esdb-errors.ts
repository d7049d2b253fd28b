import { StoreError } from '../store-error';
import { esdbClient } from './esdb-client';

/** Client error types that mean "the server could not be reached or did not answer in time". */
let unavailableTypes: Set<string> | undefined;
const UNAVAILABLE_TYPES = (): Set<string> => {
  const { ErrorType } = esdbClient();
  return (unavailableTypes ??= new Set<string>([
    ErrorType.UNAVAILABLE,
    ErrorType.DEADLINE_EXCEEDED,
    ErrorType.CANCELLED, // cancelled by the server (shutdown), never our own cancellation
    ErrorType.TIMEOUT,
    ErrorType.NOT_LEADER,
  ]));
};
/** Raw gRPC status codes for the same, in case an error reaches us unconverted. */
const UNAVAILABLE_CODES = new Set<unknown>([1 /* CANCELLED */, 4 /* DEADLINE_EXCEEDED */, 14 /* UNAVAILABLE */]);

export function isUnavailable(error: unknown): boolean {
  if (error instanceof Error && esdbClient().isCommandError(error)) return UNAVAILABLE_TYPES().has(error.type);
  return typeof error === 'object' && error !== null && UNAVAILABLE_CODES.has((error as { code?: unknown }).code);
}

/** What an append failure that may have written says: the caller can retry safely, and how. */
export const OUTCOME_UNKNOWN = 'the outcome is unknown; retrying with the same event ids and the same expected revision is safe';

/** NotLeader: a follower refused the call and named the leader; nothing was written. */
export function isNotLeader(error: unknown): boolean {
  const { ErrorType, isCommandError } = esdbClient();
  return error instanceof Error && isCommandError(error) && error.type === ErrorType.NOT_LEADER;
}

/**
 * Maps connection-level failures to STORE_UNAVAILABLE; anything else passes through unchanged.
 * For an append (`outcomeUnknown`), the message says that it may have been written.
 */
export function toStoreError(error: unknown, action: string, outcomeUnknown = false): unknown {
  if (error instanceof StoreError || !isUnavailable(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  const unknown = outcomeUnknown && !isNotLeader(error) ? `; ${OUTCOME_UNKNOWN}` : '';
  return new StoreError('STORE_UNAVAILABLE', `EventStoreDB is unavailable (${action}): ${reason}${unknown}`, { action, reason });
}

/**
 * Rejects with STORE_UNAVAILABLE when `work` takes longer than `ms`. Guards what the gRPC deadline
 * does not cover (the client's capability probe has none), so a hung server never hangs a caller.
 */
export async function withDeadline<T>(work: Promise<T>, ms: number, action: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const message = `EventStoreDB did not answer within ${ms} ms (${action}); ${OUTCOME_UNKNOWN}`;
      reject(new StoreError('STORE_UNAVAILABLE', message, { action, timeoutMs: ms }));
    }, ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
