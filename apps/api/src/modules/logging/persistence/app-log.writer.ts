import { Injectable } from '@nestjs/common';
import { LOG_SEVERITY_NUMBERS } from '@ledgerlens/contracts';
import { DataSource } from 'typeorm';
import { UNLOGGED_QUERY_MARK } from '../../../database/sql-logger';
import { AppLogRecord } from './app-log-record';

/** PostgreSQL text cannot hold U+0000: it is dropped rather than failing the batch. */
function withoutNulCharacters(_key: string, value: unknown): unknown {
  return typeof value === 'string' && value.includes('\u0000')
    ? value.replaceAll('\u0000', '')
    : value;
}

/**
 * Inserts log records in one statement: the batch travels as one JSON parameter, so it is
 * all or nothing, and a record whose client ID and time are already stored is skipped.
 */
@Injectable()
export class AppLogWriter {
  constructor(private readonly dataSource: DataSource) {}

  /** Resolves to the number of records stored (duplicates are not). */
  async write(batch: readonly AppLogRecord[]): Promise<number> {
    if (batch.length === 0) return 0;
    const rows = batch.map((record) => ({
      ...record,
      severityNumber: LOG_SEVERITY_NUMBERS[record.level],
    }));
    const [{ stored }] = await this.dataSource.query(
      `${UNLOGGED_QUERY_MARK}
       WITH inserted AS (
         INSERT INTO app_logs (logged_at, level, severity_number, source, module, message,
           trace_id, user_id, request_method, request_path, status_code, duration_ms, extra_data,
           client_id)
         SELECT r."loggedAt", r.level, r."severityNumber", r.source, r.module, r.message,
           r."traceId", r."userId", r."requestMethod", r."requestPath", r."statusCode",
           r."durationMs", r."extraData", r."clientId"
         FROM jsonb_to_recordset($1::jsonb) AS r(
           "loggedAt" timestamptz, level varchar, "severityNumber" smallint, source varchar,
           module varchar, message text, "traceId" varchar, "userId" uuid,
           "requestMethod" varchar, "requestPath" varchar, "statusCode" smallint,
           "durationMs" integer, "extraData" jsonb, "clientId" uuid)
         ON CONFLICT ("client_id", "logged_at") DO NOTHING
         RETURNING 1)
       SELECT count(*)::int AS stored FROM inserted`,
      [JSON.stringify(rows, withoutNulCharacters)],
    );
    return stored;
  }
}
