/** The logging module's public entry: what code outside the module uses of it. */
export { LoggingModule } from './logging.module';
export type { AppLogRecord } from './persistence/app-log-record';
export { LogSink } from './persistence/log-sink';
export { LogWindowedCountsModule } from './query/windowed-counts.module';
export { LogWindowedCountsStore } from './query/windowed-counts.store';

// The logging benchmark (bench/logging) runs the module's own SQL in its process with these.
export { AppLogWriter } from './persistence/app-log.writer';
export { LogStatisticsService } from './query/log-statistics.service';
export { LogsQueryService } from './query/logs-query.service';
/** The pattern the writer stores with error and fatal messages (the top errors group by it). */
export { messageTemplateOf } from '../../common/text/message-template';
