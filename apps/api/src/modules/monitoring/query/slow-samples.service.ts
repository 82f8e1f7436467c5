import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { apiPath } from '../../../common/http/api-prefix';
import { Page, PaginationQuery } from '../../../common/http/pagination.dto';
import { isoTimestampSql } from '../../../common/sql/iso-timestamp';
import { SqlConditions } from '../../../common/sql/sql-conditions';
import { SlowQueryFilterDto, SlowRequestFilterDto } from '../dto/monitoring-query.dto';
import { SlowQueryDto, SlowRequestDto } from '../dto/slow-sample.dto';
import { MONITORING_QUERY_MARK } from '../storage/monitoring-sql';

const LOGS_PATH = apiPath('logging/logs');

/** Where the SPA (or an admin with curl) finds every stored log line of a trace. */
export function logsUrlOf(traceId: string | null): string | null {
  return traceId ? `${LOGS_PATH}?traceId=${encodeURIComponent(traceId)}` : null;
}

/** `%`, `_` and `\` match themselves in a LIKE pattern built from user text. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

type SampleFilters = Pick<
  SlowRequestFilterDto,
  'from' | 'to' | 'minDurationMs' | 'traceId' | 'userId' | 'sort'
>;

function commonConditions(filters: SampleFilters, alias: string): SqlConditions {
  const conditions = new SqlConditions();
  if (filters.from) conditions.and(`${alias}.started_at >= ${conditions.param(filters.from)}`);
  if (filters.to) conditions.and(`${alias}.started_at < ${conditions.param(filters.to)}`);
  if (filters.minDurationMs !== undefined) {
    conditions.and(`${alias}.duration_ms >= ${conditions.param(filters.minDurationMs)}`);
  }
  if (filters.traceId) conditions.and(`${alias}.trace_id = ${conditions.param(filters.traceId)}`);
  if (filters.userId) conditions.and(`${alias}.user_id = ${conditions.param(filters.userId)}`);
  return conditions;
}

function orderOf(filters: SampleFilters, alias: string): string {
  return filters.sort === 'slowest'
    ? `${alias}.duration_ms DESC, ${alias}.id DESC`
    : `${alias}.started_at DESC, ${alias}.id DESC`;
}

const SAMPLE_COLUMNS = (alias: string) => `${alias}.id::text AS id,
  ${isoTimestampSql(`${alias}.started_at`)} AS "startedAt", ${alias}.duration_ms AS "durationMs",
  ${alias}.trace_id AS "traceId", ${alias}.user_id AS "userId", ${alias}.instance`;

/** Slow requests and slow queries, filtered, newest or slowest first, a page at a time. */
@Injectable()
export class SlowSamplesService {
  constructor(private readonly dataSource: DataSource) {}

  async requests(
    filters: SlowRequestFilterDto,
    page: PaginationQuery,
  ): Promise<Page<SlowRequestDto>> {
    const conditions = commonConditions(filters, 'r');
    if (filters.route) conditions.and(`r.route = ${conditions.param(filters.route)}`);
    if (filters.method) conditions.and(`r.method = ${conditions.param(filters.method)}`);
    if (filters.statusCode !== undefined) {
      conditions.and(`r.status_code = ${conditions.param(filters.statusCode)}`);
    }
    return this.page<SlowRequestDto>(
      `${SAMPLE_COLUMNS('r')}, r.method, r.route, r.status_code AS "statusCode"`,
      'slow_requests r',
      conditions,
      orderOf(filters, 'r'),
      page,
    );
  }

  async queries(filters: SlowQueryFilterDto, page: PaginationQuery): Promise<Page<SlowQueryDto>> {
    const conditions = commonConditions(filters, 'q');
    if (filters.kind) conditions.and(`q.kind = ${conditions.param(filters.kind)}`);
    if (filters.q) conditions.and(`q.statement ILIKE ${conditions.param(containing(filters.q))}`);
    if (filters.endpoint) conditions.and(`q.route = ${conditions.param(filters.endpoint)}`);
    return this.page<SlowQueryDto>(
      `${SAMPLE_COLUMNS('q')}, q.kind, q.statement, q.params, q.route AS endpoint`,
      'slow_queries q',
      conditions,
      orderOf(filters, 'q'),
      page,
    );
  }

  private async page<T extends { traceId: string | null; logsUrl: string | null }>(
    columns: string,
    table: string,
    conditions: SqlConditions,
    order: string,
    page: PaginationQuery,
  ): Promise<Page<T>> {
    const where = conditions.where();
    const filterParams = [...conditions.params];
    const limit = conditions.param(page.limit);
    const offset = conditions.param(page.offset);
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `${MONITORING_QUERY_MARK}
        SELECT ${columns} FROM ${table} ${where} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
        conditions.params,
      ) as Promise<Omit<T, 'logsUrl'>[]>,
      this.dataSource.query(
        `${MONITORING_QUERY_MARK} SELECT count(*)::int AS total FROM ${table} ${where}`,
        filterParams,
      ) as Promise<{ total: number }[]>,
    ]);
    return {
      items: rows.map((row) => ({ ...row, logsUrl: logsUrlOf(row.traceId) }) as T),
      total,
      page: page.page,
      limit: page.limit,
    };
  }
}
