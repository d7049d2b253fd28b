import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * HTTP caching of anonymous GET queries (`GET /graphql?query=…`): every answer is a function of
 * the log position the read models reflect, so that position is the ETag. A client or proxy
 * revalidates with If-None-Match and gets 304 until something is written. (Queries whose range
 * defaults to "now", such as `rateHistory` without `to`, may then lag by the time since the last
 * write — send `to` to pin them.)
 */
export function registerGraphqlHttpCache(app: FastifyInstance, position: () => bigint): void {
  const cacheable = (req: FastifyRequest) => req.method === 'GET' && req.url.startsWith('/graphql?') && !req.headers.authorization;
  const tagOf = (p: bigint) => `W/"${p}"`;
  // Callback-style hooks (no promise per request): most requests are POSTs these hooks leave alone.
  app.addHook('onRequest', (req, reply, done) => {
    if (!cacheable(req)) return done();
    const tag = tagOf(position());
    (req as FastifyRequest & { ledgerEtag?: string }).ledgerEtag = tag;
    if (req.headers['if-none-match'] !== tag) return done();
    // Answered here: a hook that sends the reply does not call done().
    void reply.code(304).header('etag', tag).header('cache-control', 'public, no-cache').send();
  });
  app.addHook('onSend', (req, reply, payload, done) => {
    const tag = (req as FastifyRequest & { ledgerEtag?: string }).ledgerEtag;
    if (tag && reply.statusCode === 200)
      reply.header('etag', tag).header('cache-control', 'public, no-cache').header('vary', 'authorization');
    done(null, payload);
  });
}
