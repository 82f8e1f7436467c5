import '../support/api-paths';
import type { DataSource } from 'typeorm';
import {
  AppLogWriter,
  LogsQueryService,
  LogStatisticsService,
} from '../../apps/api/src/modules/logging';

/**
 * The API's own log services, run in this process on a plain connection: the same SQL as the
 * API, without HTTP or Nest.
 */

/** All the services use of their DataSource. */
export type SqlRunner = Pick<DataSource, 'query'>;

/** The API's query services on `runner` (a DataSource, or anything answering `query`). */
export function logQueryServices(runner: SqlRunner) {
  const dataSource = runner as DataSource;
  return {
    logs: new LogsQueryService(dataSource),
    statistics: new LogStatisticsService(dataSource),
  };
}

export type LogServices = ReturnType<typeof logQueryServices>;

/** The API's log writer (one INSERT per batch) on `runner`. */
export function logWriter(runner: SqlRunner): AppLogWriter {
  return new AppLogWriter(runner as DataSource);
}

/** One statement a service ran. */
export interface CapturedQuery {
  sql: string;
  params: unknown[];
}

/** A runner passing every statement on to `runner` and remembering it. */
export function recordingRunner(runner: SqlRunner): SqlRunner & { captured: CapturedQuery[] } {
  const captured: CapturedQuery[] = [];
  return {
    captured,
    query: ((sql: string, params?: unknown[]) => {
      captured.push({ sql, params: params ?? [] });
      return runner.query(sql, params);
    }) as SqlRunner['query'],
  };
}
