import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import type { Clock } from './commands/clock';
import type { LedgerConfig } from './config/ledger-config';

/** Builds the Fastify app (used by main.ts and by the e2e tests). */
export async function createApp(config: LedgerConfig, clock?: Clock): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, clock), new FastifyAdapter({ bodyLimit: 1_048_576 }), {
    logger: process.env.LEDGER_LOG === 'silent' ? false : ['log', 'warn', 'error'],
  });
  app.enableShutdownHooks();
  return app;
}
