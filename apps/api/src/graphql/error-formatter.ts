import { GraphQLError, type ExecutionResult } from 'graphql';
import { LedgerError } from '@ledger/domain';
import { toLedgerError } from '@ledger/core';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import { noteRequest } from '../http/request-log';

type Formatted = { message: string; path?: readonly (string | number)[]; locations?: unknown; extensions: Record<string, unknown> };

/** Details safe to show a client (never stacks or internals). */
const PUBLIC_DETAILS = [
  'problems',
  'field',
  'what',
  'id',
  'stream',
  'expectedVersion',
  'currentVersion',
  'commandId',
  'lifecycle',
  'activityId',
  'failure',
  'rule',
  'cost',
  'budget',
];

function publicDetails(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details).filter(([k]) => PUBLIC_DETAILS.includes(k)));
}

/** HTTP-level refusals that reach Mercurius's error handler (rate limit, body size). */
const HTTP_CODES: Record<number, string> = { 429: 'RATE_LIMITED', 413: 'PAYLOAD_TOO_LARGE' };

function httpStatusOf(error: unknown): number | undefined {
  const e = error as { statusCode?: unknown; originalError?: { statusCode?: unknown } };
  const status = e.statusCode ?? e.originalError?.statusCode;
  return typeof status === 'number' && HTTP_CODES[status] ? status : undefined;
}

interface FormatterContext {
  reply?: { log: FastifyBaseLogger; request: FastifyRequest };
}

function format(error: GraphQLError, production: boolean, log?: FastifyBaseLogger): Formatted[] {
  // The store's own errors (StoreError) reach a client with their stable code, like the domain's.
  const original = toLedgerError(error.originalError) as (Error & { errors?: unknown[] }) | undefined;
  const base = { path: error.path, locations: error.locations };
  const status = httpStatusOf(error);
  if (status) return [{ message: error.message, extensions: { code: HTTP_CODES[status] } }];
  if (original instanceof LedgerError) {
    return [{ ...base, message: original.message, extensions: { code: original.code, ...publicDetails(original.details) } }];
  }
  // Mercurius wraps GraphQL parse/validation errors (unknown field, wrong type) in one error,
  // as `errors` on the error itself or on its original.
  const wrapped = (error as unknown as { errors?: unknown[] }).errors ?? original?.errors;
  if (Array.isArray(wrapped)) {
    return wrapped.flatMap((e) =>
      e instanceof GraphQLError
        ? format(e, production, log)
        : [{ message: String((e as Error).message ?? e), extensions: { code: 'VALIDATION_FAILED' } }],
    );
  }
  // Fastify/Mercurius refusals of the request itself (malformed body, unknown operation…) carry a 4xx status.
  const clientStatus = (original as { statusCode?: unknown } | undefined)?.statusCode;
  if (!original || original instanceof GraphQLError || (typeof clientStatus === 'number' && clientStatus < 500)) {
    // Parse, validation and variable-coercion errors from GraphQL itself: the request does not fit the schema.
    // A scalar's own refusal (e.g. a DateTime out of range) names its rule.
    const rule = (original instanceof GraphQLError ? original.extensions.rule : undefined) ?? error.extensions?.rule;
    const field = /^Variable "(\$\w+)"/.exec(error.message)?.[1] ?? 'query';
    const problems = typeof rule === 'string' ? { problems: [{ field, rule, message: error.message }] } : {};
    return [{ ...base, message: error.message, extensions: { code: 'VALIDATION_FAILED', ...problems } }];
  }
  // The one place an unexpected error is logged: at error, once, with its stack (refusals are not).
  log?.error({ err: original, path: error.path?.join('.') }, 'unexpected error');
  return [{ ...base, message: production ? 'internal error' : original.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }];
}

/** Every error a client sees carries a stable `extensions.code`. */
export function ledgerErrorFormatter(production: boolean) {
  return (
    execution: ExecutionResult & { statusCode?: number },
    context?: FormatterContext,
  ): { statusCode: number; response: ExecutionResult } => {
    const errors = (execution.errors ?? []).flatMap((e) => format(e, production, context?.reply?.log));
    if (context?.reply && errors.length > 0) noteRequest(context.reply.request, { outcome: String(errors[0].extensions.code) });
    const refused = (execution.errors ?? []).map(httpStatusOf).find((s) => s !== undefined);
    if (refused) return { statusCode: refused, response: { data: null, errors: errors as unknown as GraphQLError[] } };
    const onlyInputErrors = errors.length > 0 && errors.every((e) => e.extensions.code === 'VALIDATION_FAILED');
    const statusCode = execution.data ? 200 : onlyInputErrors && !execution.data ? 400 : 200;
    return { statusCode, response: { data: execution.data ?? null, errors: errors as unknown as GraphQLError[] } };
  };
}
