import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
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

/** JSON without `\u0000` escapes, which PostgreSQL's jsonb refuses (an escaped backslash stays). */
function jsonForPostgres(value: unknown): string {
  return JSON.stringify(value).replace(/(?<!\\)((?:\\\\)*)\\u0000/g, '$1');
}

/** Stores slow requests and slow queries, a batch per statement (one per table). */
@Injectable()
export class SlowSamplesWriter {
  constructor(private readonly dataSource: DataSource) {}

  async write(instance: string, batch: SlowSampleRecord[]): Promise<void> {
    const requests = batch.filter(
      (record): record is SlowRequestRecord => record.kind === 'request',
    );
    const queries = batch.filter((record): record is SlowQueryRecord => record.kind === 'query');
    if (requests.length > 0) {
      await this.dataSource.query(
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
      await this.dataSource.query(
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
}
