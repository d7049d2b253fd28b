import { Inject, Injectable } from '@nestjs/common';
import { initialAccessState, streamName, type AccessState, type LedgerPlanSnapshot } from '@ledger/domain';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { AccessProjection, planDefinedAt, planRecordsAsOf, type LedgerReadModel } from '@ledger/projections';
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
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** The plan now, from the live read models (synchronous: what an import compares with). */
  current(planId: string): LedgerPlanSnapshot | undefined {
    const model = this.readModels.model;
    const plan = model.plans.get(planId);
    return plan && { plan: plan.state, commitments: model.commitments.ofPlan(planId).map((r) => r.state), access: leadsNow(model, planId) };
  }

  /**
   * The plan now or as effective at the end of `asOf` (a day or an instant), with its start date:
   * plan and commitments from the time-travel index (ADR 0007), lead assignments effective by then
   * from the plan's access stream (read on demand; it is short).
   */
  async at(planId: string, asOf?: string): Promise<PlanSnapshotAt | undefined> {
    const model = this.readModels.model;
    const planEffectiveAt = planDefinedAt(model, planId);
    if (planEffectiveAt === undefined) return undefined;
    const position = this.readModels.position;
    if (asOf === undefined) {
      const snapshot = this.current(planId);
      return snapshot && { snapshot, planEffectiveAt, position };
    }
    const point = endOfDay(asOf);
    const records = planRecordsAsOf(model, planId, { effectiveAt: point });
    if (!records) return undefined;
    const access = new AccessProjection();
    for await (const e of this.store.readStream(streamName('access', planId))) {
      if (Date.parse(String(e.metadata.effectiveAt)) <= Date.parse(point)) access.apply(e);
    }
    const commitments = records.commitments.map((r) => r.state);
    return { snapshot: { plan: records.plan.state, commitments, access: leadsOf(access, planId) }, planEffectiveAt, position };
  }
}

const leadsNow = (model: LedgerReadModel, planId: string): AccessState => leadsOf(model.access, planId);

function leadsOf(access: AccessProjection, planId: string): AccessState {
  const leads: Record<string, string[]> = {};
  for (const entry of access.all()) if (entry.planId === planId) leads[entry.commitmentId] = entry.leads.map((l) => l.userId);
  return { ...initialAccessState, leads };
}
