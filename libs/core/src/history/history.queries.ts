import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import {
  planChanges,
  rateHistory,
  withChangeEvents,
  type AsOf,
  type ChangesQuery,
  type CommitmentView,
  type PlanChanges,
  type PlanView,
  type ProjectedEvent,
  type RateHistoryQuery,
  type RatePoint,
} from '@ledger/projections';
import { ReadModelService } from '../projections/read-model.service';

export class GetPlanAsOf extends Query<PlanView | undefined> {
  constructor(
    readonly id: string,
    readonly asOf: AsOf,
  ) {
    super();
  }
}
export class GetCommitmentAsOf extends Query<CommitmentView | undefined> {
  constructor(
    readonly id: string,
    readonly asOf: AsOf,
  ) {
    super();
  }
}
export class GetRateHistory extends Query<RatePoint[]> {
  constructor(readonly query: RateHistoryQuery) {
    super();
  }
}
export class GetPlanChanges extends Query<PlanChanges<ProjectedEvent>> {
  constructor(readonly query: ChangesQuery) {
    super();
  }
}

/** Time travel reads the time-travel index that the projections keep (ADR 0007): no fold, no store read. */
@QueryHandler(GetPlanAsOf)
export class GetPlanAsOfHandler implements IQueryHandler<GetPlanAsOf, PlanView | undefined> {
  constructor(private readonly readModels: ReadModelService) {}
  async execute({ id, asOf }: GetPlanAsOf): Promise<PlanView | undefined> {
    return this.readModels.model.planAsOf(id, asOf);
  }
}

@QueryHandler(GetCommitmentAsOf)
export class GetCommitmentAsOfHandler implements IQueryHandler<GetCommitmentAsOf, CommitmentView | undefined> {
  constructor(private readonly readModels: ReadModelService) {}
  async execute({ id, asOf }: GetCommitmentAsOf): Promise<CommitmentView | undefined> {
    return this.readModels.model.commitmentAsOf(id, asOf);
  }
}

@QueryHandler(GetRateHistory)
export class GetRateHistoryHandler implements IQueryHandler<GetRateHistory, RatePoint[]> {
  constructor(private readonly readModels: ReadModelService) {}
  async execute({ query }: GetRateHistory): Promise<RatePoint[]> {
    return rateHistory(this.readModels.model, query);
  }
}

/** The index locates the events of the range; their data is read from the store, per commitment, on demand. */
@QueryHandler(GetPlanChanges)
export class GetPlanChangesHandler implements IQueryHandler<GetPlanChanges, PlanChanges<ProjectedEvent>> {
  constructor(
    private readonly readModels: ReadModelService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}
  async execute({ query }: GetPlanChanges): Promise<PlanChanges<ProjectedEvent>> {
    return withChangeEvents(planChanges(this.readModels.model, query), (stream, options) => this.store.readStream(stream, options));
  }
}

export const HISTORY_QUERY_HANDLERS = [GetPlanAsOfHandler, GetCommitmentAsOfHandler, GetRateHistoryHandler, GetPlanChangesHandler];
