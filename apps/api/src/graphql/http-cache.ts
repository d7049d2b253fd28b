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
  app.addHook('onRequest', async (req, reply) => {
    if (!cacheable(req)) return;
    const tag = tagOf(position());
    (req as FastifyRequest & { ledgerEtag?: string }).ledgerEtag = tag;
    if (req.headers['if-none-match'] === tag) await reply.code(304).header('etag', tag).header('cache-control', 'public, no-cache').send();
  });
  app.addHook('onSend', async (req, reply, payload) => {
    const tag = (req as FastifyRequest & { ledgerEtag?: string }).ledgerEtag;
    if (tag && reply.statusCode === 200)
      reply.header('etag', tag).header('cache-control', 'public, no-cache').header('vary', 'authorization');
    return payload;
  });
}
