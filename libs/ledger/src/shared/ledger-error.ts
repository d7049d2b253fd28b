/** Stable error codes shared by the domain, the API and the CLI. */
export type LedgerErrorCode =
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'ILLEGAL_STATE'
  | 'CONCURRENCY_CONFLICT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'STORE_UNAVAILABLE'
  /** A read over its cost budget (refused before it runs) or its time budget (stopped). */
  | 'QUERY_TOO_COSTLY';

/** One problem with one field of an input. */
export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}

/** The only error type the domain throws; `code` is what clients switch on. */
export class LedgerError extends Error {
  constructor(
    readonly code: LedgerErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'LedgerError';
  }

  static validation(problems: FieldProblem[]): LedgerError {
    return new LedgerError('VALIDATION_FAILED', problems.map((p) => p.message).join('; '), {
      problems,
    });
  }

  /** `field: what "id" does not exist [where]` — names the input field when there is one. */
  static notFound(what: string, id: string, field?: string, where = ''): LedgerError {
    const prefix = field ? `${field}: ` : '';
    return new LedgerError('NOT_FOUND', `${prefix}${what} "${id}" does not exist${where ? ` ${where}` : ''}`, {
      what,
      id,
      ...(field ? { field } : {}),
    });
  }

  static illegalState(message: string, details: Record<string, unknown> = {}): LedgerError {
    return new LedgerError('ILLEGAL_STATE', message, details);
  }
}
