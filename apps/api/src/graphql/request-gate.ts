import type { DocumentNode, GraphQLSchema } from 'graphql';
import { canSeeAuditMetadata, LedgerError } from '@ledger/domain';
import { readModelStats, type ReadModelStats } from '@ledger/projections';
import type { Clock, LedgerConfig, ReadModelService } from '@ledger/core';
import { estimateCost } from './cost/cost-model';
import type { GqlContext } from './issuer';
import { noteRequest } from '../http/request-log';

/** What the gate reads: the read models' sizes (cached per log position), the budgets, the clock. */
export interface GateDeps {
  readModels: ReadModelService;
  config: LedgerConfig;
  clock: Clock;
}

type MercuriusContext = GqlContext & { reply?: { request: { body?: unknown; query?: unknown } } };

/**
 * Mercurius preExecution hook: everything that must be refused before a resolver runs, in order —
 * a refused token (UNAUTHENTICATED, reads included), a hidden argument for a caller who may not see
 * metadata (FORBIDDEN, naming it), an estimated cost over the budget (QUERY_TOO_COSTLY, with the
 * estimate). See docs/adr/0009.
 */
export function requestGate({ readModels, config, clock }: GateDeps) {
  let cached: { position: bigint; stats: ReadModelStats } | undefined;
  const stats = (): ReadModelStats => {
    if (cached?.position !== readModels.position) cached = { position: readModels.position, stats: readModelStats(readModels.model) };
    return cached.stats;
  };
  return async (schema: GraphQLSchema, document: DocumentNode, context: MercuriusContext, variables?: Record<string, unknown>) => {
    const asked = (context.reply?.request.body as { operationName?: unknown } | undefined)?.operationName;
    const operationName = typeof asked === 'string' ? asked : undefined;
    if (context.req) noteRequest(context.req, { operation: operationName ?? operationLabel(document) });
    if (context.authError) throw context.authError;
    const estimate = estimateCost(schema, document, variables ?? {}, operationName, {
      stats: stats(),
      logEvents: readModels.events,
      now: clock(),
    });
    const principal = context.issuer?.principal ?? { roles: [] };
    if (estimate.hiddenArguments.length > 0 && !canSeeAuditMetadata(principal)) {
      const [first] = estimate.hiddenArguments;
      throw new LedgerError(
        'FORBIDDEN',
        `${estimate.hiddenArguments.map((h) => `${h.field}(${h.path})`).join(', ')}: who wrote an event, under which role, when it was recorded and by which command is shown to auditors and coordinators only — and so are filters and time travel on them`,
        { field: first.path, what: first.field },
      );
    }
    if (estimate.cost > config.queryMaxCost) {
      throw new LedgerError(
        'QUERY_TOO_COSTLY',
        `query is too expensive: estimated cost ${estimate.cost} exceeds the budget of ${config.queryMaxCost} (a series costs its plan's events plus its points, a page its size); ask for fewer points, fewer aliases or smaller pages`,
        { rule: 'maxCost', cost: estimate.cost, budget: config.queryMaxCost },
      );
    }
  };
}

/** For the logs: the document's only operation's name, else its root fields ("query { plans }"). */
function operationLabel(document: DocumentNode): string | undefined {
  const operations = document.definitions.filter((d) => d.kind === 'OperationDefinition');
  if (operations.length !== 1 || operations[0].kind !== 'OperationDefinition') return undefined;
  const op = operations[0];
  if (op.name) return op.name.value;
  const roots = op.selectionSet.selections.map((s) => (s.kind === 'Field' ? s.name.value : '…'));
  return `${op.operation} { ${[...new Set(roots)].join(' ')} }`;
}
