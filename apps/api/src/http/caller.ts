import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { LedgerError, type Principal } from '@ledger/domain';
import type { TokenService } from '@ledger/core';

export const ANONYMOUS: Principal = { roles: [] };

/** Who sent a request, established once from its Authorization header (before rate limiting). */
export interface Caller {
  principal: Principal;
  /** Why the token was refused: the request is then refused too (reads included), never served as anonymous. */
  authError?: LedgerError;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller?: Caller;
  }
}

/** Verifies `Authorization: Bearer <JWT>`; no header is anonymous, anything else is refused with its reason. */
export async function callerOf(authorization: string | undefined, tokens: TokenService): Promise<Caller> {
  if (!authorization) return { principal: ANONYMOUS };
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!match)
    return { principal: ANONYMOUS, authError: new LedgerError('UNAUTHENTICATED', 'Authorization header must be "Bearer <token>"') };
  try {
    return { principal: await tokens.verify(match[1]) };
  } catch (error) {
    return { principal: ANONYMOUS, authError: error instanceof LedgerError ? error : new LedgerError('UNAUTHENTICATED', 'invalid token') };
  }
}

/** The request's caller, verified once per request (the onRequest hook stores it). */
export async function callerOfRequest(req: FastifyRequest, tokens: TokenService): Promise<Caller> {
  req.caller ??= await callerOf(req.headers.authorization, tokens);
  return req.caller;
}

/**
 * The onRequest hook that verifies the caller once per request. Without an Authorization header
 * (every anonymous read) it finishes at once, with no promise to wait for.
 */
export function callerHook(tokens: TokenService) {
  return (req: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    if (!req.headers.authorization) {
      req.caller ??= { principal: ANONYMOUS };
      return done();
    }
    callerOfRequest(req, tokens).then(() => done(), done);
  };
}

/** What the logs say about a caller: the roles, never who (no subject, no name, no token). */
export function roleLabel(caller: Caller | undefined): string {
  if (!caller) return 'unknown';
  if (caller.authError) return 'invalid token';
  if (!caller.principal.sub) return 'anonymous';
  return caller.principal.roles.length > 0 ? [...caller.principal.roles].sort().join('+') : 'authenticated';
}
