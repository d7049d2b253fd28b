import type { IEventHandler } from '@nestjs/cqrs';
import type { ProjectedEvent } from '@ledger/projections';
import type { LedgerEventsRecorded } from './ledger-event-recorded';
import type { ReadModelService } from './read-model.service';

interface Projection {
  readonly name: string;
  apply(event: ProjectedEvent): void;
}

/** Applies each event of a batch to one read model; an error is reported, never thrown into the bus or skipped. */
export abstract class ProjectionHandler implements IEventHandler<LedgerEventsRecorded> {
  protected constructor(protected readonly readModels: ReadModelService) {}

  protected abstract get projection(): Projection;

  handle({ events }: LedgerEventsRecorded): void {
    const projection = this.projection;
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
