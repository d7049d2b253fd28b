import { Injectable } from '@nestjs/common';
import { streamName } from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';
import { readModelAsOf, type AsOf, type CommitmentView, type PlanView } from '@ledger/projections';
import { ReadModelService } from '../projections/read-model.service';
import { StreamHistoryCache } from './stream-history.cache';

/**
 * Time travel from each entity's own streams: the plan stream and its commitment streams (kept
 * per stream in memory, refreshed from the store's stream index — never a replay of the whole
 * log) are folded as of a point in time.
 */
@Injectable()
export class PlanHistoryReader {
  constructor(
    private readonly streams: StreamHistoryCache,
    private readonly readModels: ReadModelService,
  ) {}

  async planEvents(planId: string): Promise<RecordedEvent[]> {
    const streams = [
      streamName('plan', planId),
      ...this.readModels.model.commitments.ofPlan(planId).map((c) => streamName('commitment', c.state.id)),
    ];
    const all = await Promise.all(streams.map((s) => this.readStream(s)));
    return all.flat().sort((a, b) => (a.position < b.position ? -1 : 1));
  }

  async planAsOf(planId: string, asOf: AsOf): Promise<PlanView | undefined> {
    return readModelAsOf(await this.planEvents(planId), asOf).plan(planId);
  }

  async commitmentAsOf(commitmentId: string, asOf: AsOf): Promise<CommitmentView | undefined> {
    const current = this.readModels.model.commitment(commitmentId);
    if (!current) return undefined;
    const events = [
      ...(await this.readStream(streamName('plan', current.planId))),
      ...(await this.readStream(streamName('commitment', commitmentId))),
    ];
    return readModelAsOf(events, asOf).commitment(commitmentId);
  }

  private readStream(stream: string): Promise<readonly RecordedEvent[]> {
    return this.streams.read(stream);
  }
}
