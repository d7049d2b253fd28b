import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { ProjectedEvent } from '@ledger/projections';
import { ReadModelService } from '@ledger/core';
import { commitmentTopic, planTopic, touchedBy } from './live-topics';
import { LiveFanOut } from './live-fan-out';

/** What a subscriber is told: which entity changed and the position the read models now reflect. */
export interface LiveUpdate {
  id: string;
  position: string;
}

/**
 * After this instance's read models applied a batch, tells its own WebSocket subscribers which
 * plans and commitments changed (live-fan-out.ts: one execution per group of identical
 * subscriptions). Each instance does this from its
 * own subscription to the log, so two instances on one EventStoreDB both announce every change,
 * with no broker between them. Nothing is announced while catching up at boot.
 */
@Injectable()
export class LiveUpdatesPublisher implements OnApplicationBootstrap, OnModuleDestroy {
  private stop: (() => void) | undefined;

  constructor(
    private readonly readModels: ReadModelService,
    private readonly fanOut: LiveFanOut,
  ) {}

  onApplicationBootstrap(): void {
    this.stop = this.readModels.onApplied((batch) => this.publish(batch));
  }

  onModuleDestroy(): void {
    this.stop?.();
  }

  private publish(batch: readonly ProjectedEvent[]): void {
    if (!this.readModels.caughtUp) return;
    const position = this.readModels.position.toString();
    const { plans, commitments } = touchedBy(batch);
    for (const id of plans) this.fanOut.publish(planTopic(id), { id, position } satisfies LiveUpdate);
    for (const id of commitments) this.fanOut.publish(commitmentTopic(id), { id, position } satisfies LiveUpdate);
  }
}
