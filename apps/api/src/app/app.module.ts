import { DynamicModule, Module } from '@nestjs/common';
import { Writable } from 'node:stream';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { ScheduleModule } from '@nestjs/schedule';
import { LoggerModule } from 'nestjs-pino';
import { RolesGuard } from '../common/auth/roles.guard';
import { RequestContextModule } from '../common/context/request-context.module';
import { HttpDrainModule } from '../common/http/http-drain.module';
import { InputSafetyGuard } from '../common/http/input-safety/input-safety.guard';
import { AllExceptionsFilter } from '../common/errors/all-exceptions.filter';
import { createValidationPipe } from '../common/http/validation.pipe';
import { createRedactor } from '@ledgerlens/redaction';
import { RedactionModule } from '../common/redaction/redaction.module';
import { rateLimitsModule } from '../common/http/rate-limits';
import { AppConfig } from '../config/app-config';
import { redactionOptionsOf } from '../config/log-settings';
import { SqlLogger } from '../database/sql-logger';
import { LogSink, LoggingModule } from '../modules/logging';
import { AppConfigModule } from '../config/app-config.module';
import { DatabaseModule } from '../database/database.module';
import { AccountsModule } from '../modules/accounts';
import { AlertsModule } from '../modules/alerts';
import { AuditModule, AuditRouteGuard } from '../modules/audit';
import { AuthModule, JwtAuthGuard } from '../modules/auth';
import { BudgetsModule } from '../modules/budgets';
import { CategoriesModule } from '../modules/categories';
import { ConformanceModule } from '../modules/conformance';
import { DemoModule } from '../modules/demo';
import { ExceptionsModule } from '../modules/exceptions';
import { GoalsModule } from '../modules/goals';
import { HealthModule } from '../modules/health';
import { ImportsModule } from '../modules/imports';
import { InsightsModule } from '../modules/insights';
import { MonitoringModule } from '../modules/monitoring';
import { NotificationsModule } from '../modules/notifications';
import { RealtimeModule } from '../modules/realtime';
import { RecurringModule } from '../modules/recurring';
import { TelemetryModule } from '../modules/telemetry';
import { TransactionsModule } from '../modules/transactions';
import { UsersModule } from '../modules/users';
import { StartupTasks } from './startup-tasks';
import { UserEmailsModule } from './user-emails.module';
import { entities } from './entities';
import { debugLogged, loggerOptions } from './logger.options';
import { WebAppModule } from './web-app/web-app.module';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  /** Folder of the built SPA; not served when undefined. */
  webDistDir?: string;
  /** Where log lines go instead of stdout. */
  logDestination?: Writable;
}

@Module({})
export class AppModule {
  static forRoot({
    config,
    databaseUrl,
    webDistDir,
    logDestination,
  }: AppModuleOptions): DynamicModule {
    const redactor = createRedactor(redactionOptionsOf(config));
    const logStore = new LogSink({
      capacity: config.LOG_PERSIST_QUEUE_SIZE,
      batchSize: config.LOG_PERSIST_BATCH_SIZE,
      flushIntervalMs: config.LOG_PERSIST_FLUSH_INTERVAL_MS,
    });
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        RequestContextModule,
        HttpDrainModule,
        RedactionModule.forRoot(redactor),
        rateLimitsModule(),
        LoggerModule.forRoot(
          loggerOptions(config, redactor, { console: logDestination, store: logStore }),
        ),
        EventEmitterModule.forRoot({ wildcard: false }),
        // Without it, @Cron and @Interval handlers are never started (JOBS_ENABLED=false).
        ...(config.JOBS_ENABLED ? [ScheduleModule.forRoot()] : []),
        DatabaseModule.forRoot({
          url: databaseUrl,
          entities,
          poolSize: config.DB_POOL_SIZE,
          runMigrations: config.DB_MIGRATIONS_RUN,
          queryLogging: {
            logger: new SqlLogger({ logQueries: debugLogged(config), redactor }),
            slowQueryMs: config.SLOW_QUERY_MS,
          },
        }),
        ...(webDistDir
          ? [WebAppModule.forRoot({ rootDir: webDistDir, sourceMaps: config.WEB_SOURCE_MAPS })]
          : []),
        AuditModule,
        LoggingModule.forRoot(logStore),
        // Off unless an OTLP endpoint is set: stored lines and request/query spans to a collector.
        TelemetryModule.forRoot({ config, logs: logStore }),
        ExceptionsModule,
        UsersModule,
        UserEmailsModule,
        AuthModule,
        CategoriesModule,
        AccountsModule,
        TransactionsModule,
        BudgetsModule,
        RecurringModule,
        ImportsModule,
        GoalsModule,
        InsightsModule,
        NotificationsModule,
        HealthModule,
        DemoModule,
        MonitoringModule.forRoot({ queues: { logs: logStore } }),
        AlertsModule,
        RealtimeModule,
        // A test service that makes outgoing calls on request: only when asked, never in production.
        ...(config.TRACE_CONTEXT_CONFORMANCE ? [ConformanceModule] : []),
      ],
      providers: [
        StartupTasks,
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        // Guards run in this order: the audit route guard only takes notes, so it goes first; input
        // PostgreSQL cannot store is refused before anything else reads it.
        { provide: APP_GUARD, useClass: AuditRouteGuard },
        { provide: APP_GUARD, useClass: InputSafetyGuard },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
      ],
    };
  }
}
