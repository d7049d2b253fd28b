import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { parseWsQuery, parseWsRoute, WorkspaceShell, wsTitleOf, type SignInSettings, type WsPageState } from '@ledger/web-ui';
import { signInOrigins } from '../auth/sign-in-settings';
import { pageDocument } from './page-document';
import { securityHeaders } from './security-headers';
import type { WebAssets } from './web-assets';

/**
 * The workspaces (leads, coordinators, auditors) under /workspace. The token lives in the page's
 * memory only (never a cookie), so the server cannot know who is asking: it renders the frame in
 * its "checking your sign-in" state with the public sign-in settings, and the workspace script
 * (its own chunk) signs in and loads the data from the public GraphQL API (docs/adr/0013).
 */
export function registerWorkspacePages(app: FastifyInstance, deps: { assets: WebAssets; signIn: SignInSettings }): void {
  const { assets, signIn } = deps;
  const connect = signInOrigins(signIn);
  const render = async (req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const [path, search = ''] = req.url.split('?');
    const route = parseWsRoute(path);
    const { lang, query } = parseWsQuery(new URLSearchParams(search));
    const state: WsPageState = { location: { route, lang, query }, signIn };
    const body = renderToString(h(WorkspaceShell, { location: state.location, session: 'checking' }));
    securityHeaders(reply, req, { frameAncestors: 'none', connect });
    return reply
      .code(route.view === 'not-found' ? 404 : 200)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(pageDocument({ lang, state, body, title: wsTitleOf(route, lang), assets: assets.entries.workspace, noindex: true }));
  };
  app.get('/workspace', render);
  app.get('/workspace/*', render);
}
