import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  planChanges,
  rateHistory,
  type AsOf,
  type PlanChanges,
  type CommitmentView,
  type PlanView,
  type RateHistoryQuery,
  type RatePoint,
} from '@ledger/projections';
import { PlanHistoryReader } from './plan-history.reader';

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

@QueryHandler(GetPlanAsOf)
export class GetPlanAsOfHandler implements IQueryHandler<GetPlanAsOf, PlanView | undefined> {
  constructor(private readonly history: PlanHistoryReader) {}
  execute({ id, asOf }: GetPlanAsOf): Promise<PlanView | undefined> {
    return this.history.planAsOf(id, asOf);
  }
}

@QueryHandler(GetCommitmentAsOf)
export class GetCommitmentAsOfHandler implements IQueryHandler<GetCommitmentAsOf, CommitmentView | undefined> {
  constructor(private readonly history: PlanHistoryReader) {}
  execute({ id, asOf }: GetCommitmentAsOf): Promise<CommitmentView | undefined> {
    return this.history.commitmentAsOf(id, asOf);
  }
}

@QueryHandler(GetRateHistory)
export class GetRateHistoryHandler implements IQueryHandler<GetRateHistory, RatePoint[]> {
  constructor(private readonly history: PlanHistoryReader) {}
  async execute({ query }: GetRateHistory): Promise<RatePoint[]> {
    return rateHistory(await this.history.planEvents(query.planId), query);
  }
}

export class GetPlanChanges extends Query<PlanChanges> {
  constructor(
    readonly planId: string,
    readonly since: string,
    readonly until: string,
  ) {
    super();
  }
}

@QueryHandler(GetPlanChanges)
export class GetPlanChangesHandler implements IQueryHandler<GetPlanChanges, PlanChanges> {
  constructor(private readonly history: PlanHistoryReader) {}
  async execute({ planId, since, until }: GetPlanChanges): Promise<PlanChanges> {
    return planChanges(await this.history.planEvents(planId), planId, since, until);
  }
}

export const HISTORY_QUERY_HANDLERS = [GetPlanAsOfHandler, GetCommitmentAsOfHandler, GetRateHistoryHandler, GetPlanChangesHandler];
