import { commitmentView, planView, type CommitmentView, type LedgerReadModel, type PlanView } from '@ledger/projections';
import type { CommandResult } from '@ledger/core';
import type { GqlContext } from '../issuer';

/**
 * What a mutation answers with. Normally the read models (they reached the write); when they lag
 * behind it or stopped, the aggregate as the store has it, and a warning in `extensions` — the
 * write is stored, so the answer is a success (a client retrying without a commandId would write twice).
 */
export function writtenCommitment(result: CommandResult, model: LedgerReadModel, ctx: GqlContext): CommitmentView | undefined {
  if (!result.warning) return model.commitment(result.aggregateId);
  ctx.warnings.push(result.warning);
  return result.aggregate?.kind === 'commitment' ? commitmentView(result.aggregate) : model.commitment(result.aggregateId);
}

export function writtenPlan(result: CommandResult, model: LedgerReadModel, ctx: GqlContext): PlanView | undefined {
  if (!result.warning) return model.plan(result.aggregateId);
  ctx.warnings.push(result.warning);
  if (result.aggregate?.kind !== 'plan') return model.plan(result.aggregateId);
  return planView(result.aggregate, model.commitments.ofPlan(result.aggregateId));
}
