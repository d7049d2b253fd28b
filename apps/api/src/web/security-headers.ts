import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * CSP without inline scripts or styles. Scripts connect to this server (GraphQL over HTTP and
 * WebSocket) and, on workspace pages, to the OIDC provider (discovery, token endpoint). Only the
 * embeds may be framed, by the configured origins (all when none is set).
 */
export function securityHeaders(
  reply: FastifyReply,
  req: FastifyRequest,
  options: { frameAncestors: 'none' | string[]; connect?: string[] },
): void {
  const host = req.host;
  const { frameAncestors, connect = [] } = options;
  const ancestors = frameAncestors === 'none' ? "'none'" : frameAncestors.length ? frameAncestors.join(' ') : '*';
  reply
    .header(
      'content-security-policy',
      [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        ['connect-src', "'self'", `ws://${host}`, `wss://${host}`, ...connect].join(' '),
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        `frame-ancestors ${ancestors}`,
      ].join('; '),
    )
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'strict-origin-when-cross-origin');
  if (frameAncestors === 'none') reply.header('x-frame-options', 'DENY');
}
