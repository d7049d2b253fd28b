import { EventsHandler } from '@nestjs/cqrs';
import { LedgerEventsRecorded } from './ledger-event-recorded';
import { ProjectionHandler } from './projection-handler.base';
import { ReadModelService } from './read-model.service';

/** Feeds the time-travel index (what plan/commitment asOf, rateHistory, changes and the report read). */
@EventsHandler(LedgerEventsRecorded)
export class TimeTravelProjectionHandler extends ProjectionHandler {
  constructor(readModels: ReadModelService) {
    super(readModels);
  }

  protected get projection() {
    return this.readModels.model.history;
  }
}
