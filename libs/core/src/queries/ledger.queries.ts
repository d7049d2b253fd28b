import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { CommitmentView, PlanView } from '@ledger/projections';
import { ReadModelService } from '../projections/read-model.service';

export class GetPlans extends Query<PlanView[]> {}
export class GetPlan extends Query<PlanView | undefined> {
  constructor(readonly id: string) {
    super();
  }
}
export class GetCommitment extends Query<CommitmentView | undefined> {
  constructor(readonly id: string) {
    super();
  }
}

@QueryHandler(GetPlans)
export class GetPlansHandler implements IQueryHandler<GetPlans, PlanView[]> {
  constructor(private readonly readModels: ReadModelService) {}
  async execute(): Promise<PlanView[]> {
    return this.readModels.views.allPlans();
  }
}

@QueryHandler(GetPlan)
export class GetPlanHandler implements IQueryHandler<GetPlan, PlanView | undefined> {
  constructor(private readonly readModels: ReadModelService) {}
  async execute({ id }: GetPlan): Promise<PlanView | undefined> {
    return this.readModels.views.plan(id);
  }
}

@QueryHandler(GetCommitment)
export class GetCommitmentHandler implements IQueryHandler<GetCommitment, CommitmentView | undefined> {
  constructor(private readonly readModels: ReadModelService) {}
  async execute({ id }: GetCommitment): Promise<CommitmentView | undefined> {
    return this.readModels.views.commitment(id);
  }
}

export const QUERY_HANDLERS = [GetPlansHandler, GetPlanHandler, GetCommitmentHandler];
