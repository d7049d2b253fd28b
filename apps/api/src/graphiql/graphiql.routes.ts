import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';

/**
 * GraphiQL from local files (the npm packages' UMD builds), so it works on an intranet without
 * internet. Mercurius's own GraphiQL loads React and GraphiQL from a CDN, and shows nothing offline.
 */
const pkgDir = (name: string): string => dirname(require.resolve(`${name}/package.json`));

const VENDOR: Record<string, { pkg: string; file: string; type: string }> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'application/javascript' },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'application/javascript' },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'application/javascript' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};

const PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8"/>
<meta name="robots" content="noindex"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>GraphiQL — opengov-ledger</title>
<link rel="stylesheet" href="/graphiql/vendor/graphiql.css"/>
<style>body{margin:0;overflow:hidden}#graphiql{height:100vh}</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="/graphiql/vendor/react.js"></script>
<script src="/graphiql/vendor/react-dom.js"></script>
<script src="/graphiql/vendor/graphiql.js"></script>
<script src="/graphiql/start.js"></script>
</body>
</html>
`;

// Queries over HTTP; subscriptions are for the web page's graphql-ws client.
const START = `(function () {
  var url = location.origin + '/graphql';
  var fetcher = GraphiQL.createFetcher({ url: url });
  var root = document.getElementById('graphiql');
  ReactDOM.createRoot(root).render(React.createElement(GraphiQL, { fetcher: fetcher, shouldPersistHeaders: true, isHeadersEditorEnabled: true }));
})();
`;

export function registerGraphiql(app: FastifyInstance): void {
  const cache = new Map<string, Buffer>();
  app.get('/graphiql', async (_req, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(PAGE));
  app.get('/graphiql/start.js', async (_req, reply) =>
    reply.type('application/javascript').header('cache-control', 'no-cache').send(START),
  );
  app.get<{ Params: { file: string } }>('/graphiql/vendor/:file', async (req, reply) => {
    const entry = VENDOR[req.params.file];
    if (!entry) return reply.code(404).send({ error: 'not found' });
    let body = cache.get(req.params.file);
    if (!body) {
      body = readFileSync(join(pkgDir(entry.pkg), entry.file));
      cache.set(req.params.file, body);
    }
    return reply.type(entry.type).header('cache-control', 'public, max-age=86400').send(body);
  });
}
