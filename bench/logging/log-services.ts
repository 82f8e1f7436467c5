import '../support/api-paths';
import type { DataSource } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import {
  AppLogWriter,
  LogsQueryService,
  LogStatisticsService,
} from '../../apps/api/src/modules/logging';

/**
 * The API's own log services, run in this process on a plain connection: the same SQL as the
 * API, without HTTP or Nest.
 */

/** The API's query services on `dataSource`. */
export function logQueryServices(dataSource: DataSource) {
  return {
    logs: new LogsQueryService(dataSource),
    statistics: new LogStatisticsService(dataSource),
  };
}

export type LogServices = ReturnType<typeof logQueryServices>;

/** The API's log writer (one INSERT per batch) on `dataSource`. */
export function logWriter(dataSource: DataSource): AppLogWriter {
  return new AppLogWriter(dataSource);
}

/** One statement a service ran. */
export interface CapturedQuery {
  sql: string;
  params: unknown[];
}

/**
 * The statements `work` runs, in order: every statement passes through the PostgreSQL query
 * runner (the typed-row helpers included), so that is where they are recorded.
 */
export async function recordedStatements(work: () => Promise<unknown>): Promise<CapturedQuery[]> {
  const captured: CapturedQuery[] = [];
  const query = PostgresQueryRunner.prototype.query;
  PostgresQueryRunner.prototype.query = function (
    this: PostgresQueryRunner,
    ...args: Parameters<PostgresQueryRunner['query']>
  ) {
    const [sql, params] = args;
    captured.push({ sql, params: Array.isArray(params) ? params : [] });
    return query.apply(this, args);
  } as PostgresQueryRunner['query'];
  try {
    await work();
  } finally {
    PostgresQueryRunner.prototype.query = query;
  }
  return captured;
}
