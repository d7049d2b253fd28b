import type { ProjectedEvent } from '@ledger/projections';

/**
 * What the EventBus carries: events read from the store's subscription, in log order. A batch
 * (one catch-up page, or one live event) keeps the bus's per-message cost off a long replay.
 */
export class LedgerEventsRecorded {
  constructor(readonly events: readonly ProjectedEvent[]) {}
}
