import type { IncomingMessage } from 'node:http';
import type { GraphQLSchema, DocumentNode } from 'graphql';
import { LedgerError } from '@ledger/domain';
import type { TokenService } from '@ledger/core';
import type { LedgerConfig } from '@ledger/core';
import { checkSubscription } from '../graphql/hardening';
import { ANONYMOUS, type GqlContext } from '../graphql/issuer';
import type { LiveWire } from './live-socket';

/** Close code for a refused connection: graphql-ws clients treat 4403 as final (no retry). */
export const WS_FORBIDDEN = 4403;

interface ClosableSocket {
  close(code?: number, reason?: string): void;
}
type LiveContext = Partial<GqlContext> & { socket?: ClosableSocket; wire?: LiveWire; _connectionInit?: unknown };

function clientIp(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers['x-forwarded-for'];
  if (trustProxy && typeof forwarded === 'string' && forwarded) return forwarded.split(',')[0].trim();
  return req.socket.remoteAddress ?? 'unknown';
}

/**
 * Mercurius subscription options: WebSocket at /graphql speaking `graphql-transport-ws` (also to a
 * client naming no subprotocol), at most `wsMaxConnectionsPerIp` open connections per address, and
 * an optional bearer token in the connection params (browsers cannot set headers on a WebSocket).
 */
export function subscriptionOptions(config: LedgerConfig, tokens: TokenService) {
  const open = new Map<string, number>();
  return {
    wsDefaultSubprotocol: 'graphql-transport-ws',
    keepAlive: 25_000,
    verifyClient(info: { req: IncomingMessage }, next: (ok: boolean, code?: number, message?: string) => void): void {
      const ip = clientIp(info.req, config.trustProxy);
      const count = open.get(ip) ?? 0;
      if (count >= config.wsMaxConnectionsPerIp) return next(false, 429, 'too many live connections from this address');
      open.set(ip, count + 1);
      info.req.socket.once('close', () => {
        const left = (open.get(ip) ?? 1) - 1;
        if (left <= 0) open.delete(ip);
        else open.set(ip, left);
      });
      next(true);
    },
    // The upgraded request's socket is the one `ws` writes to: the fan-out corks it (live-socket.ts).
    context: (socket: ClosableSocket, request?: { raw?: IncomingMessage }): LiveContext => ({
      socket,
      wire: request?.raw?.socket,
      issuer: { principal: ANONYMOUS },
    }),
    /** connection params `{ authorization: "Bearer <JWT>" }`; a bad token is refused at the first subscription. */
    async onConnect({ payload }: { payload?: unknown }): Promise<LiveContext> {
      const auth = (payload as { authorization?: unknown } | undefined)?.authorization;
      if (auth === undefined || auth === null || auth === '') return {};
      const match = typeof auth === 'string' ? /^Bearer\s+(\S+)$/i.exec(auth) : null;
      if (!match) return { authError: new LedgerError('UNAUTHENTICATED', 'authorization must be "Bearer <token>"') };
      try {
        return { issuer: { principal: await tokens.verify(match[1]) } };
      } catch (error) {
        return { authError: error instanceof LedgerError ? error : new LedgerError('UNAUTHENTICATED', 'invalid token') };
      }
    },
  };
}

/** Mercurius preSubscriptionExecution hook: refused token → close 4403; then the query limits. */
export function subscriptionLimitHook(production: boolean) {
  return async (schema: GraphQLSchema, document: DocumentNode, context: LiveContext): Promise<void> => {
    if (context.authError) {
      context.socket?.close(WS_FORBIDDEN, 'Forbidden');
      throw context.authError;
    }
    checkSubscription(schema, document, production);
  };
}
