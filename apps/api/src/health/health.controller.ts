import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ReadModelService } from '@ledger/core';

@Controller('health')
export class HealthController {
  constructor(private readonly readModels: ReadModelService) {}

  @Get('live')
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** 200 once the read models have caught up with the log and no projection has failed. */
  @Get('ready')
  ready(@Res({ passthrough: true }) reply: FastifyReply): Record<string, unknown> {
    const rm = this.readModels;
    reply.status(rm.ready ? 200 : 503);
    return {
      status: rm.ready ? 'ready' : 'not ready',
      caughtUp: rm.caughtUp,
      position: rm.position.toString(),
      ...(rm.failure ? { failure: rm.failure } : {}),
      ...(rm.disconnected ? { disconnected: rm.disconnected } : {}),
    };
  }
}
