import { DynamicModule, Module } from '@nestjs/common';
import { AppLogWriter } from './persistence/app-log.writer';
import { LogPersistence } from './persistence/log-persistence';
import { LogSink } from './persistence/log-sink';
import { RetentionModule } from './retention/retention.module';

/** Stored logs: persistence of backend lines, browser ingest, query, export, statistics, retention. */
@Module({})
export class LoggingModule {
  static forRoot(sink: LogSink): DynamicModule {
    return {
      module: LoggingModule,
      imports: [RetentionModule],
      providers: [{ provide: LogSink, useValue: sink }, AppLogWriter, LogPersistence],
      exports: [LogSink, AppLogWriter],
    };
  }
}
