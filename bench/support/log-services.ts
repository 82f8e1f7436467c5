import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { register } from 'tsconfig-paths';
import type { DataSource } from 'typeorm';

/**
 * The API's own log services (`LogsQueryService`, `LogStatisticsService`, `AppLogWriter`), run
 * in this process on a plain connection: the same SQL as the API, without HTTP or Nest.
 *
 * They are loaded at run time rather than imported, on purpose. The API compiles with
 * `experimentalDecorators`, bench/tsconfig.json does not: `tsc -p bench/tsconfig.json` fails
 * on the API's decorated DTOs (TS1240) as soon as one of these files is imported, while at run
 * time (ts-node --transpile-only) the only decorator evaluated, `@Injectable()`, works either
 * way. So the types below describe just what the benchmark calls. If bench/tsconfig.json gets
 * `experimentalDecorators` and `emitDecoratorMetadata`, plain imports would do.
 */

const ROOT = resolve(__dirname, '../..');
const LOGGING_DIR = resolve(ROOT, 'apps/api/src/modules/logging');

export type LogLevelName = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/** The filters of `GET /logging/logs` (LogFilterDto). */
export interface LogFilters {
  level?: LogLevelName[];
  minLevel?: LogLevelName;
  source?: 'backend' | 'frontend';
  from?: string;
  to?: string;
  traceId?: string;
  userId?: string;
  module?: string;
  requestPath?: string;
  q?: string;
}

export interface LogPage {
  items: { id: string; timestamp: string; level: LogLevelName; traceId: string | null }[];
  nextCursor: string | null;
}

export interface LogStatistics {
  total: number;
  bucketSeconds: number;
  byLevel: Record<LogLevelName, number>;
  topErrors: { pattern: string; count: number }[];
}

/** One row of `app_logs` as the writer takes it (AppLogRecord). */
export interface LogRecord {
  loggedAt: string;
  level: LogLevelName;
  source: 'backend' | 'frontend';
  module: string | null;
  message: string;
  traceId: string | null;
  userId: string | null;
  requestMethod: string | null;
  requestPath: string | null;
  statusCode: number | null;
  durationMs: number | null;
  extraData: Record<string, unknown>;
  clientId: string | null;
}

export interface LogWriter {
  /** Resolves to the number of records stored. */
  write(batch: readonly LogRecord[]): Promise<number>;
}

export interface LogsQuery {
  find(filters: LogFilters, limit: number, cursor?: string): Promise<LogPage>;
}

export interface LogStatisticsQuery {
  statistics(
    range: { from?: string; to?: string },
    filters: Pick<LogFilters, 'source' | 'userId'>,
  ): Promise<LogStatistics>;
}

/** All the services use of their DataSource. */
export type SqlRunner = Pick<DataSource, 'query'>;

let loaded:
  Record<'LogsQueryService' | 'LogStatisticsService' | 'AppLogWriter', unknown> | undefined;

/** The API resolves `@ledgerlens/*` through tsconfig paths: so must this process. */
function loadServices() {
  if (loaded) return loaded;
  const base = JSON.parse(readFileSync(resolve(ROOT, 'tsconfig.base.json'), 'utf8'));
  const paths = Object.fromEntries(
    Object.entries(base.compilerOptions.paths as Record<string, string[]>).filter(([name]) =>
      name.startsWith('@ledgerlens/'),
    ),
  );
  register({ baseUrl: ROOT, paths });
  const load = createRequire(__filename);
  const from = (file: string) => load(resolve(LOGGING_DIR, file));
  loaded = {
    LogsQueryService: from('query/logs-query.service').LogsQueryService,
    LogStatisticsService: from('query/log-statistics.service').LogStatisticsService,
    AppLogWriter: from('persistence/app-log.writer').AppLogWriter,
  };
  return loaded;
}

type Constructor<T> = new (runner: SqlRunner) => T;

/** The API's query services on `runner` (a DataSource, or anything answering `query`). */
export function logQueryServices(runner: SqlRunner): {
  logs: LogsQuery;
  statistics: LogStatisticsQuery;
} {
  const { LogsQueryService, LogStatisticsService } = loadServices();
  return {
    logs: new (LogsQueryService as Constructor<LogsQuery>)(runner),
    statistics: new (LogStatisticsService as Constructor<LogStatisticsQuery>)(runner),
  };
}

/** The API's log writer (one INSERT per batch) on `runner`. */
export function logWriter(runner: SqlRunner): LogWriter {
  return new (loadServices().AppLogWriter as Constructor<LogWriter>)(runner);
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
