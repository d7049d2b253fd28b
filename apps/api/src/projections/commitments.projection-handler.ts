import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { LedgerEventRecorded } from './ledger-event-recorded';
import { ReadModelService } from './read-model.service';

/** Feeds the commitments read model. Errors are reported, never thrown into the bus or skipped. */
@EventsHandler(LedgerEventRecorded)
export class CommitmentsProjectionHandler implements IEventHandler<LedgerEventRecorded> {
  constructor(private readonly readModels: ReadModelService) {}

  handle({ event }: LedgerEventRecorded): void {
    if (this.readModels.failure) return;
    try {
      this.readModels.model.commitments.apply(event);
    } catch (error) {
      this.readModels.fail(this.readModels.model.commitments.name, event, error);
    }
  }
}
