import { DynamicModule, Module } from '@nestjs/common';
import { ExportResponses } from '../../common/export/export-responses';
import { TempFilesModule } from '../../common/files/temp-files.module';
import { ExportFiles } from './export/export-files';
import { LogIngestController } from './ingest/log-ingest.controller';
import { LogIngestService } from './ingest/log-ingest.service';
import { AppLogWriter } from './persistence/app-log.writer';
import { LogPersistence } from './persistence/log-persistence';
import { LogSink } from './persistence/log-sink';
import { LogStatisticsService } from './query/log-statistics.service';
import { LogsController } from './query/logs.controller';
import { LogsQueryService } from './query/logs-query.service';
import { RetentionModule } from './retention/retention.module';

/** Stored logs: persistence of backend lines, browser ingest, query, export, statistics, retention. */
@Module({})
export class LoggingModule {
  static forRoot(sink: LogSink): DynamicModule {
    return {
      module: LoggingModule,
      imports: [RetentionModule, TempFilesModule],
      controllers: [LogIngestController, LogsController],
      providers: [
        { provide: LogSink, useValue: sink },
        AppLogWriter,
        LogPersistence,
        LogIngestService,
        LogsQueryService,
        LogStatisticsService,
        ExportFiles,
        ExportResponses,
      ],
    };
  }
}
