import type { FastifyRequest } from 'fastify';
import { LedgerError, type Principal } from '@ledger/domain';
import { type TokenService, type Issuer } from '@ledger/core';

/** The GraphQL context: the request, who is asking, and why their token was refused (if it was). */
export interface GqlContext {
  req: FastifyRequest;
  issuer: Issuer;
  authError?: LedgerError;
}

export const ANONYMOUS: Principal = { roles: [] };

/**
 * Establishes the caller from `Authorization: Bearer <JWT>`. No header: anonymous (reads only).
 * A bad token is not silently downgraded: mutations get UNAUTHENTICATED with the reason.
 */
export async function contextOf(req: FastifyRequest, tokens: TokenService): Promise<GqlContext> {
  const header = req.headers['x-correlation-id'];
  const correlationId = typeof header === 'string' && /^[\w.:-]{1,128}$/.test(header) ? header : undefined;
  const auth = req.headers.authorization;
  if (!auth) return { req, issuer: { principal: ANONYMOUS, correlationId } };
  const match = /^Bearer\s+(\S+)$/i.exec(auth);
  if (!match)
    return {
      req,
      issuer: { principal: ANONYMOUS, correlationId },
      authError: new LedgerError('UNAUTHENTICATED', 'Authorization header must be "Bearer <token>"'),
    };
  try {
    return { req, issuer: { principal: await tokens.verify(match[1]), correlationId } };
  } catch (error) {
    const authError = error instanceof LedgerError ? error : new LedgerError('UNAUTHENTICATED', 'invalid token');
    return { req, issuer: { principal: ANONYMOUS, correlationId }, authError };
  }
}
