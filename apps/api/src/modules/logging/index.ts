/**
 * The logging module's public entry: what code outside the module uses of it. Today the logging
 * benchmark (bench/logging), which runs the module's own SQL in its process.
 */
export type { AppLogRecord } from './persistence/app-log-record';
export { AppLogWriter } from './persistence/app-log.writer';
export { LogStatisticsService } from './query/log-statistics.service';
export { LogsQueryService } from './query/logs-query.service';
/** The pattern the writer stores with error and fatal messages (the top errors group by it). */
export { messageTemplateOf } from '../../common/text/message-template';
