import type { FastifyRequest } from 'fastify';
import type { LedgerError } from '@ledger/domain';
import { type TokenService, type Issuer } from '@ledger/core';
import { callerOfRequest } from '../http/caller';
import type { ResponseWarning } from './response-warnings';

export { ANONYMOUS } from '../http/caller';

/** The GraphQL context: the request, who is asking, why their token was refused (if it was), and the request's budget. */
export interface GqlContext {
  req: FastifyRequest;
  issuer: Issuer;
  authError?: LedgerError;
  /** When the request's GraphQL work started (epoch ms): its time budget counts from here. */
  startedAt: number;
  /** Root query fields take turns (graphql/query-lane.ts): the last one's turn. */
  lane?: Promise<void>;
  /** Told to the client in `extensions.warnings` (e.g. the write is stored, the read models lag). */
  warnings: ResponseWarning[];
}

/**
 * Establishes the caller from `Authorization: Bearer <JWT>`. No header: anonymous (reads only).
 * A bad token is never silently downgraded: the request gets UNAUTHENTICATED with the reason.
 */
export async function contextOf(req: FastifyRequest, tokens: TokenService): Promise<GqlContext> {
  const header = req.headers['x-correlation-id'];
  const correlationId = typeof header === 'string' && /^[\w.:-]{1,128}$/.test(header) ? header : undefined;
  const caller = await callerOfRequest(req, tokens);
  return { req, issuer: { principal: caller.principal, correlationId }, authError: caller.authError, startedAt: Date.now(), warnings: [] };
}
