import type { DocumentNode, GraphQLSchema } from 'graphql';
import { readModelStats, type ReadModelStats } from '@ledger/projections';
import type { Clock, ReadModelService } from '@ledger/core';
import { estimateCost, type CostEstimate } from './cost-model';

/** Estimates kept per document and log position (a dashboard sends a handful of variable sets). */
const ENTRIES_PER_DOCUMENT = 64;

interface Slot {
  position: bigint;
  estimates: Map<string, CostEstimate>;
}

/**
 * The cost model's answers, computed once per (document, operation, variables, log position)
 * instead of walking the document at every request (issue 13, docs/adr/0013). An estimate is a
 * function of exactly those and of the read models' sizes, which only change with the position;
 * one that reads the clock (a series without `to`) is computed every time. Who asks is not part of
 * an estimate: the gate checks the caller's rights against it at every request.
 */
export class CostCache {
  private stats: { position: bigint; events: number; value: ReadModelStats } | undefined;
  // Mercurius keeps one parsed document per query text (its LRU), so a document is its key.
  private readonly byDocument = new WeakMap<DocumentNode, Slot>();
  /** Estimates that read the clock (never kept): neither is an answer that depends on them. */
  private readonly clockBound = new WeakSet<CostEstimate>();

  constructor(
    private readonly readModels: ReadModelService,
    private readonly clock: Clock,
  ) {}

  /** The read models' sizes (one pass over them), once per position. */
  readModelStats(): ReadModelStats {
    const { position, events } = this.readModels;
    if (this.stats?.position !== position || this.stats.events !== events)
      this.stats = { position, events, value: readModelStats(this.readModels.model) };
    return this.stats.value;
  }

  estimate(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName?: string): CostEstimate {
    const position = this.readModels.position;
    let slot = this.byDocument.get(document);
    if (slot?.position !== position) {
      slot = { position, estimates: new Map() };
      this.byDocument.set(document, slot);
    }
    const key = `${operationName ?? ''}\u0000${JSON.stringify(variables)}`;
    const hit = slot.estimates.get(key);
    if (hit) return hit;
    let readClock = false;
    const estimate = estimateCost(schema, document, variables, operationName, {
      stats: this.readModelStats(),
      logEvents: this.readModels.events,
      now: () => {
        readClock = true;
        return this.clock();
      },
    });
    if (readClock) this.clockBound.add(estimate);
    else if (slot.estimates.size < ENTRIES_PER_DOCUMENT) slot.estimates.set(key, estimate);
    return estimate;
  }

  /** Whether an estimate read the clock (its query's answer depends on when it is asked). */
  readClock(estimate: CostEstimate): boolean {
    return this.clockBound.has(estimate);
  }
}

const caches = new WeakMap<ReadModelService, CostCache>();

/** The one cache of an app's read models, shared by the query gate and the subscriptions' check. */
export function costCacheOf(readModels: ReadModelService, clock: Clock): CostCache {
  let cache = caches.get(readModels);
  if (!cache) caches.set(readModels, (cache = new CostCache(readModels, clock)));
  return cache;
}
