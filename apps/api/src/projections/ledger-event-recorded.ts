import type { ProjectedEvent } from '@ledger/projections';

/** What the EventBus carries: one event read from the store's subscription. */
export class LedgerEventRecorded {
  constructor(readonly event: ProjectedEvent) {}
}
