import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import rateLimit from '@fastify/rate-limit';
import { LogController } from 'fastify';
import { AppModule } from './app.module';
import { registerGraphiql } from './graphiql/graphiql.routes';
import { registerGraphqlHttpCache } from './graphql/http-cache';
import { registerPublicAnswers } from './graphql/public-answers';
import { ReadModelService } from '@ledger/core';
import { registerWebPages } from './web/web-pages.routes';
import { registerWorkspacePages } from './web/workspace-pages.routes';
import { loadWebAssets } from './web/web-assets';
import { registerDevTokenRoute } from './auth/dev-token.routes';
import { registerPlanUpload } from './import/plan-upload.routes';
import { devSignInAvailable, signInSettingsOf } from './auth/sign-in-settings';
import { GRAPHQL_LIMITS } from './graphql/hardening';
import { TokenService, type Clock, type LedgerConfig } from '@ledger/core';
import { callerHook } from './http/caller';
import { rateLimitOptions } from './http/rate-limits';
import { loggerOptions, logRequests, PinoNestLogger, type LogStream } from './http/request-log';

export interface AppOptions {
  /** Where the JSON log lines go (tests capture them); default: standard output. */
  logStream?: LogStream;
}

/** Builds the Fastify app (used by main.ts and by the e2e tests). */
export async function createApp(config: LedgerConfig, clock?: Clock, options: AppOptions = {}): Promise<NestFastifyApplication> {
  const logger = loggerOptions(config.production, options.logStream);
  const adapter = new FastifyAdapter({
    bodyLimit: GRAPHQL_LIMITS.bodyLimitBytes,
    trustProxy: config.trustProxy,
    logger,
    // Our own line per request (request-log.ts) replaces Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
  });
  const fastify = adapter.getInstance();
  const silent = logger === false;
  const json = !silent && (config.production || options.logStream !== undefined || process.env.LEDGER_LOG === 'json');
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, clock), adapter, {
    // A failed boot (e.g. a weak secret) rejects here instead of exiting the process.
    abortOnError: false,
    logger: silent ? false : json ? new PinoNestLogger(fastify.log) : ['log', 'warn', 'error'],
  });
  if (config.corsOrigins.length > 0) app.enableCors({ origin: config.corsOrigins, methods: ['GET', 'POST'] });
  // Who is calling is verified once, before the rate limit (which keys on it) and GraphQL (which reads it).
  const tokens = app.get(TokenService);
  fastify.addHook('onRequest', callerHook(tokens));
  await app.register(rateLimit, rateLimitOptions(config));
  if (!silent) logRequests(fastify);
  if (!config.production) {
    registerGraphiql(fastify);
    // A browser opening /graphql (no query) lands on GraphiQL, served from local files at /graphiql.
    fastify.addHook('onRequest', async (req, reply) => {
      if (req.method === 'GET' && req.url === '/graphql' && String(req.headers.accept ?? '').includes('text/html'))
        await reply.redirect('/graphiql');
    });
  }
  registerGraphqlHttpCache(fastify, () => app.get(ReadModelService).position);
  registerPublicAnswers(fastify, () => app.get(ReadModelService).position);
  // The public pages (server-rendered, then hydrated by the browser bundle of apps/web), and the workspaces.
  const assets = loadWebAssets(config.webDir);
  await registerWebPages(fastify, { config, assets, position: () => app.get(ReadModelService).position });
  registerWorkspacePages(fastify, { assets, signIn: signInSettingsOf(config, tokens) });
  if (devSignInAvailable(config, tokens)) registerDevTokenRoute(fastify, tokens);
  await registerPlanUpload(fastify, app, tokens);
  app.enableShutdownHooks();
  return app;
}
