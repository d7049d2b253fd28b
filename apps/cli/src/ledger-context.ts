import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { loadConfig, LedgerModule, ProjectionRunner } from '@ledger/core';

/** The ledger core without HTTP, caught up with the log, for one CLI command. */
export async function openLedger(): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(LedgerModule.forRoot({ config: loadConfig() }), { logger: ['error'] });
  await app.get(ProjectionRunner).caughtUp;
  return app;
}
