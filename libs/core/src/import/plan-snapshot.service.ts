import { Inject, Injectable } from '@nestjs/common';
import { initialAccessState, streamName, type AccessState, type LedgerPlanSnapshot } from '@ledger/domain';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@ledger/event-store';
import { readModelAsOf, type LedgerReadModel } from '@ledger/projections';
import { PlanHistoryReader } from '../history/plan-history.reader';
import { ReadModelService } from '../projections/read-model.service';

/** A plan as the ledger holds it (now, or as effective at a date), with its start date. */
export interface PlanSnapshotAt {
  snapshot: LedgerPlanSnapshot;
  /** Business date of the plan's definition (its start). */
  planEffectiveAt: string;
  /** Log position the snapshot reflects. */
  position: bigint;
}

const endOfDay = (date: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T23:59:59.999Z` : new Date(date).toISOString());

/** The plan-level view the workbook import (to compare) and export (to write) need, from the read models. */
@Injectable()
export class PlanSnapshotService {
  constructor(
    private readonly readModels: ReadModelService,
    private readonly history: PlanHistoryReader,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** The plan now, from the live read models (synchronous: what an import compares with). */
  current(planId: string): LedgerPlanSnapshot | undefined {
    return snapshotOf(this.readModels.model, planId);
  }

  /** The plan now or as effective at the end of `asOf` (a day or an instant), with its start date. */
  async at(planId: string, asOf?: string): Promise<PlanSnapshotAt | undefined> {
    if (!this.readModels.model.plans.get(planId)) return undefined;
    const events = await this.history.planEvents(planId);
    const planEffectiveAt = String(events.find((e) => e.type === 'PlanDefined')?.metadata.effectiveAt ?? '');
    if (asOf === undefined) {
      const snapshot = snapshotOf(this.readModels.model, planId);
      return snapshot && { snapshot, planEffectiveAt, position: this.readModels.position };
    }
    const access = await this.readAll(streamName('access', planId));
    const all = [...events, ...access].sort((a, b) => (a.position < b.position ? -1 : 1));
    const model = readModelAsOf(all, { effectiveAt: endOfDay(asOf) });
    const snapshot = snapshotOf(model, planId);
    return snapshot && { snapshot, planEffectiveAt, position: this.readModels.position };
  }

  private async readAll(stream: string): Promise<RecordedEvent[]> {
    // A missing stream (no lead assigned yet) reads as empty (store contract).
    const out: RecordedEvent[] = [];
    for await (const e of this.store.readStream(stream)) out.push(e);
    return out;
  }
}

function snapshotOf(model: LedgerReadModel, planId: string): LedgerPlanSnapshot | undefined {
  const plan = model.plans.get(planId);
  if (!plan) return undefined;
  const leads: Record<string, string[]> = {};
  for (const entry of model.access.all()) if (entry.planId === planId) leads[entry.commitmentId] = entry.leads.map((l) => l.userId);
  const access: AccessState = { ...initialAccessState, leads };
  return { plan: plan.state, commitments: model.commitments.ofPlan(planId).map((r) => r.state), access };
}
