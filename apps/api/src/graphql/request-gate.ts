import type { DocumentNode, GraphQLSchema } from 'graphql';
import { canSeeAuditMetadata, LedgerError } from '@ledger/domain';
import type { Clock, LedgerConfig, ReadModelService } from '@ledger/core';
import { costCacheOf } from './cost/cost-cache';
import type { GqlContext } from './issuer';
import { noteRequest } from '../http/request-log';
import { mayKeepAnswer } from './public-answers';

/** What the gate reads: the read models (estimates are cached per log position), the budgets, the clock. */
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
  const costs = costCacheOf(readModels, clock);
  return async (schema: GraphQLSchema, document: DocumentNode, context: MercuriusContext, variables?: Record<string, unknown>) => {
    const asked = (context.reply?.request.body as { operationName?: unknown } | undefined)?.operationName;
    const operationName = typeof asked === 'string' ? asked : undefined;
    const label = operationName ?? labelOf(document);
    if (context.req) noteRequest(context.req, { operation: label });
    if (context.authError) throw context.authError;
    // Computed once per document, variables and log position (cost/cost-cache.ts); checked at every request.
    const estimate = costs.estimate(schema, document, variables ?? {}, operationName);
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
    // Passed: an anonymous read of the live views may keep its whole answer for this position (public-answers.ts).
    mayKeepAnswer(context.req, document, costs.readClock(estimate), label);
  };
}

// One label per parsed document (Mercurius keeps one per query text), not one per request.
const labels = new WeakMap<DocumentNode, string | undefined>();
function labelOf(document: DocumentNode): string | undefined {
  if (!labels.has(document)) labels.set(document, operationLabel(document));
  return labels.get(document);
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
