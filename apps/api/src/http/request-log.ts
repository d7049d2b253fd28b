import type { LoggerService } from '@nestjs/common';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify';
import { roleLabel } from './caller';

/** What the request line says besides method, path, status and duration. */
export interface RequestNote {
  operation?: string;
  /** OK, or the first error code the client got (UNAUTHENTICATED, VALIDATION_FAILED…). */
  outcome?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    ledgerNote?: RequestNote;
  }
}

export function noteRequest(req: FastifyRequest, note: RequestNote): void {
  req.ledgerNote = { ...req.ledgerNote, ...note };
}

/** Where JSON lines go (default: standard output); tests capture them. */
export type LogStream = { write(line: string): void };

const HTTP_OUTCOMES: Record<number, string> = { 413: 'PAYLOAD_TOO_LARGE', 429: 'RATE_LIMITED' };

/**
 * Fastify's logger (pino, JSON lines): in production (or LEDGER_LOG=json) at info, with one line per
 * request; otherwise at warn (unexpected errors only); none with LEDGER_LOG=silent. Headers are never logged
 * (tokens), nor subjects or names: a request line names the caller's roles.
 */
export function loggerOptions(production: boolean, stream?: LogStream): false | Record<string, unknown> {
  if (process.env.LEDGER_LOG === 'silent' && !stream) return false;
  const requestLines = production || stream !== undefined || process.env.LEDGER_LOG === 'json';
  const level = process.env.LEDGER_LOG_LEVEL ?? (requestLines ? 'info' : 'warn');
  return {
    level,
    ...(stream ? { stream } : {}),
    // The request object is never serialised whole: its headers carry tokens.
    serializers: { req: () => undefined, res: () => undefined },
    redact: { paths: ['req.headers.authorization', 'headers.authorization', '*.authorization'], censor: '[hidden]' },
  };
}

/** One line per request when it ends; health probes are not logged (they would drown the rest). */
export function logRequests(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', async (req, reply) => {
    const path = req.url.split('?')[0];
    if (path.startsWith('/health')) return;
    const note = req.ledgerNote ?? {};
    const outcome = note.outcome ?? HTTP_OUTCOMES[reply.statusCode] ?? (reply.statusCode < 400 ? 'OK' : `HTTP_${reply.statusCode}`);
    req.log.info(
      {
        method: req.method,
        path,
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
        operation: note.operation,
        outcome,
        role: roleLabel(req.caller),
      },
      'request',
    );
  });
}

/** Nest's own messages (boot, projections) as JSON lines through the same pino logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly pino: FastifyBaseLogger) {}

  log(message: unknown, context?: string): void {
    this.pino.info({ context }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.pino.warn({ context }, String(message));
  }
  error(message: unknown, stack?: string, context?: string): void {
    if (message instanceof Error) this.pino.error({ context: stack, err: message }, message.message);
    else this.pino.error({ context, ...(stack ? { err: { stack } } : {}) }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.pino.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.pino.trace({ context }, String(message));
  }
}
