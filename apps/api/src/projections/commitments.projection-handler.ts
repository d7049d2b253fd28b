import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { LedgerEventsRecorded } from './ledger-event-recorded';
import { ReadModelService } from './read-model.service';

/** Feeds the commitments read model. Errors are reported, never thrown into the bus or skipped. */
@EventsHandler(LedgerEventsRecorded)
export class CommitmentsProjectionHandler implements IEventHandler<LedgerEventsRecorded> {
  constructor(private readonly readModels: ReadModelService) {}

  handle({ events }: LedgerEventsRecorded): void {
    const projection = this.readModels.model.commitments;
    for (const event of events) {
      if (this.readModels.failure) return;
      try {
        projection.apply(event);
      } catch (error) {
        this.readModels.fail(projection.name, event, error);
      }
    }
  }
}
