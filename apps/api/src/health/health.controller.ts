import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ReadModelService, ReadModelSnapshots, SampleState } from '@ledger/core';
import { EventLoopMonitor } from './event-loop.monitor';

@Controller('health')
export class HealthController {
  constructor(
    private readonly readModels: ReadModelService,
    private readonly sample: SampleState,
    private readonly eventLoop: EventLoopMonitor,
    private readonly snapshots: ReadModelSnapshots,
  ) {}

  @Get('live')
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * 200 once the read models have caught up with the log, no projection has failed, and (when the
   * sample is on) the bundled plan is imported; with the event-loop delay of the last minute and
   * what became of the read-model snapshot (restored, ignored and why, last written).
   */
  @Get('ready')
  ready(@Res({ passthrough: true }) reply: FastifyReply): Record<string, unknown> {
    const rm = this.readModels;
    const ready = rm.ready && this.sample.status !== 'pending';
    reply.status(ready ? 200 : 503);
    return {
      status: ready ? 'ready' : 'not ready',
      caughtUp: rm.caughtUp,
      position: rm.position.toString(),
      sample: this.sample.status,
      eventLoopDelayMs: this.eventLoop.snapshot(),
      catchUp: rm.catchUp,
      snapshot: this.snapshots.status,
      ...(rm.failure ? { failure: rm.failure } : {}),
      ...(rm.disconnected ? { disconnected: rm.disconnected } : {}),
    };
  }
}
