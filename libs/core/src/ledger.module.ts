import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CLOCK, systemClock, type Clock } from './commands/clock';
import { CommandGateway } from './commands/command-gateway.service';
import { LedgerCommandHandler } from './commands/ledger-command.handler';
import { LEDGER_CONFIG, type LedgerConfig } from './config/ledger-config';
import { AccessProjectionHandler } from './projections/access.projection-handler';
import { CommitmentsProjectionHandler } from './projections/commitments.projection-handler';
import { PlansProjectionHandler } from './projections/plans.projection-handler';
import { TimeTravelProjectionHandler } from './projections/time-travel.projection-handler';
import { ProjectionRunner } from './projections/projection-runner.service';
import { ReadModelService } from './projections/read-model.service';
import { ReadModelSnapshots } from './snapshots/read-model-snapshots.service';
import { QUERY_HANDLERS } from './queries/ledger.queries';
import { PlanImporter } from './import/plan-importer.service';
import { PlanSnapshotService } from './import/plan-snapshot.service';
import { SampleState } from './import/sample-state';
import { TokenService } from './auth/token.service';
import { ReportService } from './report/report.service';
import { HISTORY_QUERY_HANDLERS } from './history/history.queries';
import { AUDIT_QUERY_HANDLERS } from './queries/audit-trail.query';
import { eventStoreProvider } from './store/event-store.provider';
import { StoreLifecycle } from './store/store-lifecycle';
import { EVENT_STORE } from '@ledger/event-store';

export interface LedgerModuleOptions {
  config: LedgerConfig;
  clock?: Clock;
}

/**
 * The ledger core without HTTP: store, command handling, projections, queries (API and CLI share
 * it). Not global on purpose: Nest runs global modules' bootstrap hooks first, and the CqrsModule
 * (global) must register the projection handlers before ProjectionRunner starts publishing.
 */
@Module({})
export class LedgerModule {
  static forRoot(options: LedgerModuleOptions): DynamicModule {
    return {
      module: LedgerModule,
      imports: [CqrsModule.forRoot()],
      providers: [
        { provide: LEDGER_CONFIG, useValue: options.config },
        { provide: CLOCK, useValue: options.clock ?? systemClock },
        eventStoreProvider,
        StoreLifecycle,
        ReadModelService,
        ProjectionRunner,
        ReadModelSnapshots,
        PlansProjectionHandler,
        CommitmentsProjectionHandler,
        AccessProjectionHandler,
        TimeTravelProjectionHandler,
        LedgerCommandHandler,
        CommandGateway,
        PlanImporter,
        PlanSnapshotService,
        SampleState,
        TokenService,
        ReportService,
        ...QUERY_HANDLERS,
        ...HISTORY_QUERY_HANDLERS,
        ...AUDIT_QUERY_HANDLERS,
      ],
      exports: [
        LEDGER_CONFIG,
        CLOCK,
        EVENT_STORE,
        ReadModelService,
        ProjectionRunner,
        ReadModelSnapshots,
        CommandGateway,
        PlanImporter,
        PlanSnapshotService,
        SampleState,
        TokenService,
        ReportService,
      ],
    };
  }
}
