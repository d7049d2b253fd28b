import type { FastifyRequest } from 'fastify';
import type { Issuer } from '../commands/execute-ledger-command';

/** The GraphQL context: the request, and who issues commands. */
export interface GqlContext {
  req: FastifyRequest;
  issuer: Issuer;
}

/**
 * The authentication seam. Until tokens are checked (access-control issue), every caller is the
 * same unauthenticated issuer, recorded as such in each event's metadata.
 */
export function issuerOf(req: FastifyRequest): Issuer {
  const header = req.headers['x-correlation-id'];
  const correlationId = typeof header === 'string' && /^[\w.:-]{1,128}$/.test(header) ? header : undefined;
  return { actor: 'unauthenticated', role: 'none', correlationId };
}
