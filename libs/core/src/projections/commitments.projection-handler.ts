import { EventsHandler } from '@nestjs/cqrs';
import { LedgerEventsRecorded } from './ledger-event-recorded';
import { ProjectionHandler } from './projection-handler.base';
import { ReadModelService } from './read-model.service';

/** Feeds the commitments read model. */
@EventsHandler(LedgerEventsRecorded)
export class CommitmentsProjectionHandler extends ProjectionHandler {
  constructor(readModels: ReadModelService) {
    super(readModels);
  }

  protected get projection() {
    return this.readModels.model.commitments;
  }
}
