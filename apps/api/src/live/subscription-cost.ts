import { Kind, type DocumentNode, type GraphQLResolveInfo } from 'graphql';
import { LedgerError } from '@ledger/domain';
import type { Clock, LedgerConfig, ReadModelService } from '@ledger/core';
import { estimateCost } from '../graphql/cost/cost-model';
import { costCacheOf } from '../graphql/cost/cost-cache';

/**
 * The query cost budget for a subscription, with the same model as queries (request-gate.ts):
 * checked by the subscription resolver, because Mercurius's subscription hooks see no variables.
 * Each message costs what the selection costs once.
 */
export function checkSubscriptionCost(
  info: GraphQLResolveInfo,
  deps: { readModels: ReadModelService; config: LedgerConfig; clock: Clock },
): void {
  const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [info.operation, ...Object.values(info.fragments)] };
  const { cost } = estimateCost(info.schema, document, info.variableValues, info.operation.name?.value, {
    stats: costCacheOf(deps.readModels, deps.clock).readModelStats(),
    logEvents: deps.readModels.events,
    now: deps.clock,
  });
  if (cost > deps.config.queryMaxCost) {
    throw new LedgerError(
      'QUERY_TOO_COSTLY',
      `subscription is too expensive: estimated cost ${cost} exceeds the budget of ${deps.config.queryMaxCost}; select fewer fields`,
      { rule: 'maxCost', cost, budget: deps.config.queryMaxCost },
    );
  }
}
