import { createHash } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import rateLimit from '@fastify/rate-limit';
import { AppModule } from './app.module';
import { registerGraphiql } from './graphiql/graphiql.routes';
import { registerGraphqlHttpCache } from './graphql/http-cache';
import { ReadModelService } from '@ledger/core';
import { registerWebPages } from './web/web-pages.routes';
import { GRAPHQL_LIMITS } from './graphql/hardening';
import { type Clock, type LedgerConfig } from '@ledger/core';

/** Builds the Fastify app (used by main.ts and by the e2e tests). */
export async function createApp(config: LedgerConfig, clock?: Clock): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: GRAPHQL_LIMITS.bodyLimitBytes, trustProxy: config.trustProxy });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, clock), adapter, {
    logger: process.env.LEDGER_LOG === 'silent' ? false : ['log', 'warn', 'error'],
  });
  if (config.corsOrigins.length > 0) app.enableCors({ origin: config.corsOrigins, methods: ['GET', 'POST'] });
  // Per token (hashed, never logged) when one is sent, else per IP.
  await app.register(rateLimit, {
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: (req) => {
      const auth = req.headers.authorization;
      return auth ? `t:${createHash('sha256').update(auth).digest('base64url').slice(0, 22)}` : `ip:${req.ip}`;
    },
    allowList: (req) => req.url.startsWith('/health') || req.url.startsWith('/assets/'),
  });
  if (!config.production) {
    registerGraphiql(app.getHttpAdapter().getInstance());
    // A browser opening /graphql (no query) lands on GraphiQL, served from local files at /graphiql.
    app
      .getHttpAdapter()
      .getInstance()
      .addHook('onRequest', async (req, reply) => {
        if (req.method === 'GET' && req.url === '/graphql' && String(req.headers.accept ?? '').includes('text/html'))
          await reply.redirect('/graphiql');
      });
  }
  registerGraphqlHttpCache(app.getHttpAdapter().getInstance(), () => app.get(ReadModelService).position);
  // The public pages (server-rendered, then hydrated by the browser bundle of apps/web).
  await registerWebPages(app.getHttpAdapter().getInstance(), { config, position: () => app.get(ReadModelService).position });
  app.enableShutdownHooks();
  return app;
}
