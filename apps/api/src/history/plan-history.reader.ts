import { Inject, Injectable } from '@nestjs/common';
import { streamName } from '@ledger/domain';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@ledger/event-store';
import { readModelAsOf, type AsOf, type CommitmentView, type PlanView } from '@ledger/projections';
import { ReadModelService } from '../projections/read-model.service';

/**
 * Time travel from each entity's own streams: the plan stream and its commitment streams are read
 * from the store's stream index (not a replay of the whole log) and folded as of a point in time.
 */
@Injectable()
export class PlanHistoryReader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
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

  private async readStream(stream: string): Promise<RecordedEvent[]> {
    const out: RecordedEvent[] = [];
    for await (const e of this.store.readStream(stream)) out.push(e);
    return out;
  }
}
