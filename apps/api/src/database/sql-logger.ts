import { Logger as NestLogger } from '@nestjs/common';
import type { Redactor } from '@ledgerlens/redaction';
import type { Logger as TypeOrmLogger } from 'typeorm';

/** Statements carrying this mark are the log writer's own: logging them would feed back. */
export const UNLOGGED_QUERY_MARK = '/* app-log-writer */';

const SQL_TEXT_LIMIT = 2000;
const PARAMETER_TEXT_LIMIT = 200;

/** A statement on one line, cut to a readable length. */
export function compactSql(query: string): string {
  const text = query.replace(/\s+/g, ' ').trim();
  return text.length > SQL_TEXT_LIMIT ? `${text.slice(0, SQL_TEXT_LIMIT)}…` : text;
}

/** A long string parameter cut short, with its length. */
export function shortenParameter(value: unknown): unknown {
  return typeof value === 'string' && value.length > PARAMETER_TEXT_LIMIT
    ? `${value.slice(0, PARAMETER_TEXT_LIMIT)}… (${value.length} characters)`
    : value;
}

export interface SqlLoggerOptions {
  /** Log every query at debug (only worth it when something listens at debug). */
  logQueries: boolean;
  redactor: Redactor;
}

/**
 * TypeORM's logger, writing through the app's logger (so each line has the request's trace ID):
 * every query at debug, slow ones (TypeORM's `maxQueryExecutionTime`) at warn with the duration
 * and redacted, shortened parameters, failed ones at debug (the exception filter reports errors).
 */
export class SqlLogger implements TypeOrmLogger {
  private readonly logger = new NestLogger('SQL');

  constructor(private readonly options: SqlLoggerOptions) {}

  logQuery(query: string): void {
    if (!this.options.logQueries || query.startsWith(UNLOGGED_QUERY_MARK)) return;
    this.logger.debug({ sql: compactSql(query) }, 'query');
  }

  logQueryError(error: string | Error, query: string): void {
    if (query.startsWith(UNLOGGED_QUERY_MARK)) return;
    const message = typeof error === 'string' ? error : error.message;
    this.logger.debug({ sql: compactSql(query), error: message }, 'query failed');
  }

  logQuerySlow(time: number, query: string, parameters?: unknown[] | object): void {
    const params = Array.isArray(parameters)
      ? this.options.redactor.redact(parameters.map(shortenParameter))
      : undefined;
    this.logger.warn(
      { sql: compactSql(query), durationMs: Math.round(time), params },
      `slow query: ${Math.round(time)} ms`,
    );
  }

  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(message);
    else this.logger.log(message);
  }
}
