import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import type { FastifyRequest } from 'fastify';
import type { ExecutionResult } from 'graphql';
import { persistedQueryDefaults } from 'mercurius';
import { type LedgerConfig, type Clock, CLOCK, TokenService, LedgerModule, ReadModelService } from '@ledger/core';
import { ReportResolver } from './report/report.resolver';
import { ledgerErrorFormatter } from './graphql/error-formatter';
import { validationRules } from './graphql/hardening';
import { requestGate } from './graphql/request-gate';
import { withQueryLane } from './graphql/query-lane';
import { QuietGraphqlErrorsFilter } from './graphql/quiet-errors.filter';
import { withStrictDateTime } from './graphql/date-time.scalar';
import { withPlainFieldReads } from './graphql/plain-fields';
import { warningsToExtensions } from './graphql/response-warnings';
import { forgetUnlessClean } from './graphql/public-answers';
import { EventLoopMonitor } from './health/event-loop.monitor';
import { subscriptionLimitHook, subscriptionOptions } from './live/subscription-options';
import { LiveResolver } from './live/live.resolver';
import { LiveUpdatesPublisher } from './live/live-updates.publisher';
import { LiveFanOut } from './live/live-fan-out';
import { contextOf, type GqlContext } from './graphql/issuer';
import { CommitmentResolver } from './graphql/resolvers/commitment.resolver';
import { CommitmentListResolver } from './graphql/resolvers/commitment-list.resolver';
import { PlanResolver } from './graphql/resolvers/plan.resolver';
import { HistoryResolver } from './graphql/resolvers/history.resolver';
import { StatusResolver } from './graphql/resolvers/status.resolver';
import { AuditResolver } from './audit/audit.resolver';
import { VerificationResolver } from './graphql/resolvers/verification.resolver';
import { ViewerResolver } from './graphql/resolvers/viewer.resolver';
import { HealthController } from './health/health.controller';
import { ledgerValidationPipe } from './validation.pipe';

type Hooks = NonNullable<MercuriusDriverConfig['hooks']>;

/** The HTTP application: GraphQL (code-first, Mercurius with JIT) and health endpoints. */
@Module({})
export class AppModule {
  static forRoot(config: LedgerConfig, clock?: Clock): DynamicModule {
    // One instance shared by the app and the GraphQL module (which needs its TokenService).
    const ledger = LedgerModule.forRoot({ config, clock });
    return {
      module: AppModule,
      imports: [
        ledger,
        GraphQLModule.forRootAsync<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          imports: [ledger],
          inject: [TokenService, ReadModelService, CLOCK],
          useFactory: (tokens: TokenService, readModels: ReadModelService, now: Clock) => ({
            autoSchemaFile: true,
            sortSchema: true,
            // GraphiQL is served from local files (graphiql/graphiql.routes.ts): it must work offline.
            graphiql: false,
            subscription: subscriptionOptions(config, tokens),
            // Automatic persisted queries: a dashboard sends the query's SHA-256 (GET, cacheable by ETag).
            persistedQueryProvider: persistedQueryDefaults.automatic(1000),
            jit: 1,
            path: '/graphql',
            // Depth is checked by maxDepthRule (validationRules), which lets introspection through.
            allowBatchedQueries: false,
            validationRules: validationRules(config.production) as unknown as MercuriusDriverConfig['validationRules'],
            // Strict dates; plain property reads for JIT; root query fields take turns (docs/adr/0009, 0013).
            transformSchema: (schema) => withQueryLane(config.queryTimeBudgetMs)(withPlainFieldReads(withStrictDateTime(schema))),
            hooks: {
              // Before any resolver runs: refused tokens, hidden arguments, the cost budget (docs/adr/0009).
              preExecution: requestGate({ readModels, config, clock: now }) as unknown as Hooks['preExecution'],
              onResolution: (async (execution: ExecutionResult, context: GqlContext) => {
                await warningsToExtensions(execution, context);
                forgetUnlessClean(execution, context.req);
              }) as unknown as Hooks['onResolution'],
              preSubscriptionExecution: subscriptionLimitHook(config.production) as unknown as Hooks['preSubscriptionExecution'],
            },
            context: (req: FastifyRequest) => contextOf(req, tokens),
            errorFormatter: ledgerErrorFormatter(config.production) as unknown as MercuriusDriverConfig['errorFormatter'],
          }),
        }),
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_PIPE, useValue: ledgerValidationPipe },
        { provide: APP_FILTER, useClass: QuietGraphqlErrorsFilter },
        EventLoopMonitor,
        PlanResolver,
        CommitmentResolver,
        CommitmentListResolver,
        HistoryResolver,
        StatusResolver,
        AuditResolver,
        VerificationResolver,
        ViewerResolver,
        ReportResolver,
        LiveResolver,
        LiveUpdatesPublisher,
        LiveFanOut,
      ],
    };
  }
}
