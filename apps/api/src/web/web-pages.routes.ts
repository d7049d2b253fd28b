import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import {
  App,
  loadPage,
  parseParams,
  parseRoute,
  queryOf,
  titleOf,
  type AppState,
  type Gql,
  type PageParams,
  type Route,
} from '@ledger/web-ui';
import type { LedgerConfig } from '@ledger/core';
import { ANONYMOUS } from '../graphql/issuer';
import { commitmentsCsv } from './commitments-csv';
import { pageDocument } from './page-document';
import { sendReport } from './report-download';
import { securityHeaders } from './security-headers';
import type { WebAssets } from './web-assets';

export interface WebPagesDeps {
  config: LedgerConfig;
  assets: WebAssets;
  /** The log position the read models reflect: the pages' ETag. */
  position: () => bigint;
}

/**
 * The public pages, rendered here from the same Preact components the browser hydrates, with data
 * from the public GraphQL API run in-process as an anonymous caller (no private endpoint).
 */
export async function registerWebPages(app: FastifyInstance, { config, assets, position }: WebPagesDeps): Promise<void> {
  if (assets.assetsDir) {
    // Hashed names: a file never changes, so browsers and proxies keep it for a year.
    await app.register(fastifyStatic, {
      root: assets.assetsDir,
      prefix: '/assets/',
      decorateReply: false,
      immutable: true,
      maxAge: '365d',
      index: false,
    });
  } else {
    app.log.warn(`web app not built (${config.webDir}): pages are served without their script (npm run build builds it)`);
  }

  const gql: Gql = async (query, variables) => {
    try {
      return await app.graphql(query, { issuer: { principal: ANONYMOUS } }, variables);
    } catch (error) {
      return { errors: [{ message: error instanceof Error ? error.message : String(error) }] };
    }
  };
  const etag = () => `W/"${position()}-${assets.buildId}"`;
  const fresh = (req: FastifyRequest, tag: string) => req.headers['if-none-match'] === tag;

  const render = async (req: FastifyRequest, reply: FastifyReply, route: Route): Promise<FastifyReply> => {
    const tag = etag();
    if (fresh(req, tag)) return reply.code(304).header('etag', tag).send();
    const params = parseParams(new URLSearchParams(req.url.split('?')[1] ?? ''));
    const data = await loadPage(gql, route, params);
    if (route.page === 'plans' && data.kind === 'plans' && data.plans.length === 1) {
      return reply.redirect(`/plan/${encodeURIComponent(data.plans[0].id)}${queryOf(params)}`);
    }
    const state: AppState = { route, params, data, origin: `${req.protocol}://${req.host}` };
    const embed = route.page === 'embed-plan' || route.page === 'embed-commitment';
    const body = renderToString(h(App, state));
    securityHeaders(reply, req, { frameAncestors: embed ? config.embedOrigins : 'none' });
    return reply
      .code(data.kind === 'not-found' ? 404 : 200)
      .type('text/html; charset=utf-8')
      .header('etag', tag)
      .header('cache-control', 'no-cache')
      .send(
        pageDocument({
          lang: params.lang,
          state,
          body,
          title: titleOf(data, params),
          assets: assets.entries.main,
          embed,
          noindex: Boolean(params.asOf) || embed,
        }),
      );
  };

  app.get('/', (req, reply) => render(req, reply, { page: 'plans' }));
  for (const path of ['/plan/:id', '/commitment/:id', '/embed/plan/:id', '/embed/commitment/:id']) {
    app.get(path, (req, reply) => render(req, reply, parseRoute(req.url.split('?')[0])));
  }
  app.get<{ Params: { id: string } }>('/plan/:id/commitments.csv', async (req, reply) => {
    const params: PageParams = parseParams(new URLSearchParams(req.url.split('?')[1] ?? ''));
    const data = await loadPage(gql, { page: 'plan', id: req.params.id }, params);
    if (data.kind !== 'plan') return reply.code(404).type('text/plain; charset=utf-8').send('plan not found');
    const name = `${data.plan.id}-commitments${params.asOf ? `-${params.asOf}` : ''}.csv`;
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('x-content-type-options', 'nosniff')
      .send(commitmentsCsv(data.plan, params));
  });
  app.get<{ Params: { id: string; format: string } }>('/plan/:id/report.:format', (req, reply) => sendReport(gql, req, reply));
}
