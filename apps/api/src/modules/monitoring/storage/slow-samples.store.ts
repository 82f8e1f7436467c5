import { Injectable } from '@nestjs/common';
import type { QueryKind } from '@ledgerlens/contracts';
import { DataSource } from 'typeorm';
import { PaginationQuery } from '../../../common/http/pagination.dto';
import { isoTimestampSql } from '../../../common/sql/iso-timestamp';
import { SqlConditions } from '../../../common/sql/sql-conditions';
import type { SlowQueriesTable, SlowRequestsTable } from '../../../database/generated/db-tables';
import { CastColumns, execute, Narrowed, rowsOf } from '../../../database/typed-rows';
import { SlowQueryFilterDto, SlowRequestFilterDto } from '../dto/monitoring-query.dto';
import { SlowQueryDto, SlowRequestDto } from '../dto/slow-sample.dto';
import { MONITORING_QUERY_MARK } from './monitoring-sql';

export interface SlowRequestRecord {
  kind: 'request';
  startedAt: string;
  traceId: string | null;
  userId: string | null;
  method: string;
  route: string;
  statusCode: number;
  durationMs: number;
}

export interface SlowQueryRecord {
  kind: 'query';
  startedAt: string;
  traceId: string | null;
  userId: string | null;
  /** The endpoint of the request that ran it, `GET /api/v1/...`; null outside requests. */
  route: string | null;
  queryKind: string;
  statement: string;
  /** Redacted, shortened parameters. */
  params: unknown[] | null;
  durationMs: number;
}

export type SlowSampleRecord = SlowRequestRecord | SlowQueryRecord;

/** A stored slow request or query as listed, before its link to the logs. */
export type SlowRequest = Omit<SlowRequestDto, 'logsUrl'>;
export type SlowQuery = Omit<SlowQueryDto, 'logsUrl'>;

/** One page of samples and how many match in all. */
export interface SamplePage<Sample> {
  items: Sample[];
  total: number;
}

/** Slow requests and slow queries that started in a range. */
export interface SlowCounts {
  requests: number;
  queries: number;
}

/** The columns both tables have and list as stored; `started_at` is read as ISO text (microseconds kept). */
type SampleColumns = 'id' | 'duration_ms' | 'trace_id' | 'user_id' | 'instance';

type SlowRequestRow = Pick<SlowRequestsTable, SampleColumns | 'method' | 'route' | 'status_code'> &
  CastColumns<SlowRequestsTable, 'started_at', string>;

type SlowQueryRow = Pick<
  Narrowed<SlowQueriesTable, { kind: QueryKind; params: unknown[] | null }>,
  SampleColumns | 'kind' | 'statement' | 'params' | 'route'
> &
  CastColumns<SlowQueriesTable, 'started_at', string>;

interface TotalRow {
  total: number;
}

function sampleOf(row: SlowRequestRow | SlowQueryRow) {
  return {
    id: row.id,
    startedAt: row.started_at,
    durationMs: row.duration_ms,
    traceId: row.trace_id,
    userId: row.user_id,
    instance: row.instance,
  };
}

function slowRequestOf(row: SlowRequestRow): SlowRequest {
  return { ...sampleOf(row), method: row.method, route: row.route, statusCode: row.status_code };
}

function slowQueryOf(row: SlowQueryRow): SlowQuery {
  return {
    ...sampleOf(row),
    kind: row.kind,
    statement: row.statement,
    params: row.params,
    endpoint: row.route,
  };
}

/** JSON without `\u0000` escapes, which PostgreSQL's jsonb refuses (an escaped backslash stays). */
function jsonForPostgres(value: unknown): string {
  return JSON.stringify(value).replace(/(?<!\\)((?:\\\\)*)\\u0000/g, '$1');
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

const SAMPLE_COLUMNS = (alias: string) => `${alias}.id,
  ${isoTimestampSql(`${alias}.started_at`)} AS started_at, ${alias}.duration_ms,
  ${alias}.trace_id, ${alias}.user_id, ${alias}.instance`;

/**
 * `slow_requests` and `slow_queries` in SQL: stored a batch per statement (one per table), listed
 * filtered, newest or slowest first, a page at a time.
 */
@Injectable()
export class SlowSamplesStore {
  constructor(private readonly dataSource: DataSource) {}

  async write(instance: string, batch: SlowSampleRecord[]): Promise<void> {
    const requests = batch.filter(
      (record): record is SlowRequestRecord => record.kind === 'request',
    );
    const queries = batch.filter((record): record is SlowQueryRecord => record.kind === 'query');
    if (requests.length > 0) {
      await execute(
        this.dataSource,
        `${MONITORING_QUERY_MARK}
        INSERT INTO slow_requests (started_at, trace_id, user_id, method, route, status_code,
          duration_ms, instance)
        SELECT r."startedAt", r."traceId", r."userId", r.method, r.route, r."statusCode",
          r."durationMs", $2
        FROM jsonb_to_recordset($1::jsonb) AS r("startedAt" timestamptz, "traceId" text,
          "userId" uuid, method text, route text, "statusCode" smallint, "durationMs" float8)`,
        [jsonForPostgres(requests), instance],
      );
    }
    if (queries.length > 0) {
      await execute(
        this.dataSource,
        `${MONITORING_QUERY_MARK}
        INSERT INTO slow_queries (started_at, trace_id, user_id, route, kind, statement, params,
          duration_ms, instance)
        SELECT r."startedAt", r."traceId", r."userId", r.route, r."queryKind", r.statement,
          r.params, r."durationMs", $2
        FROM jsonb_to_recordset($1::jsonb) AS r("startedAt" timestamptz, "traceId" text,
          "userId" uuid, route text, "queryKind" text, statement text, params jsonb,
          "durationMs" float8)`,
        [jsonForPostgres(queries), instance],
      );
    }
  }

  async requests(
    filters: SlowRequestFilterDto,
    page: PaginationQuery,
  ): Promise<SamplePage<SlowRequest>> {
    const conditions = commonConditions(filters, 'r');
    if (filters.route) conditions.and(`r.route = ${conditions.param(filters.route)}`);
    if (filters.method) conditions.and(`r.method = ${conditions.param(filters.method)}`);
    if (filters.statusCode !== undefined) {
      conditions.and(`r.status_code = ${conditions.param(filters.statusCode)}`);
    }
    const { rows, total } = await this.page<SlowRequestRow>(
      `${SAMPLE_COLUMNS('r')}, r.method, r.route, r.status_code`,
      'slow_requests r',
      conditions,
      orderOf(filters, 'r'),
      page,
    );
    return { items: rows.map(slowRequestOf), total };
  }

  async queries(
    filters: SlowQueryFilterDto,
    page: PaginationQuery,
  ): Promise<SamplePage<SlowQuery>> {
    const conditions = commonConditions(filters, 'q');
    if (filters.kind) conditions.and(`q.kind = ${conditions.param(filters.kind)}`);
    if (filters.q) conditions.and(`q.statement ILIKE ${conditions.param(containing(filters.q))}`);
    if (filters.endpoint) conditions.and(`q.route = ${conditions.param(filters.endpoint)}`);
    const { rows, total } = await this.page<SlowQueryRow>(
      `${SAMPLE_COLUMNS('q')}, q.kind, q.statement, q.params, q.route`,
      'slow_queries q',
      conditions,
      orderOf(filters, 'q'),
      page,
    );
    return { items: rows.map(slowQueryOf), total };
  }

  /** Slow requests and queries that started in [from, to). */
  async countsBetween(from: Date, to: Date): Promise<SlowCounts> {
    const [row] = await rowsOf<SlowCounts>(
      this.dataSource,
      `${MONITORING_QUERY_MARK}
      SELECT
        (SELECT count(*) FROM slow_requests WHERE started_at >= $1 AND started_at < $2)::int AS requests,
        (SELECT count(*) FROM slow_queries WHERE started_at >= $1 AND started_at < $2)::int AS queries`,
      [from.toISOString(), to.toISOString()],
    );
    return row;
  }

  private async page<Row>(
    columns: string,
    table: string,
    conditions: SqlConditions,
    order: string,
    page: PaginationQuery,
  ): Promise<{ rows: Row[]; total: number }> {
    const where = conditions.where();
    const filterParams = [...conditions.params];
    const limit = conditions.param(page.limit);
    const offset = conditions.param(page.offset);
    const [rows, [{ total }]] = await Promise.all([
      rowsOf<Row>(
        this.dataSource,
        `${MONITORING_QUERY_MARK}
        SELECT ${columns} FROM ${table} ${where} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
        conditions.params,
      ),
      rowsOf<TotalRow>(
        this.dataSource,
        `${MONITORING_QUERY_MARK} SELECT count(*)::int AS total FROM ${table} ${where}`,
        filterParams,
      ),
    ]);
    return { rows, total };
  }
}
