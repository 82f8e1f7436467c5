import { Injectable } from '@nestjs/common';
import { LOG_SEVERITY_NUMBERS } from '@ledgerlens/contracts';
import { DataSource } from 'typeorm';
import { UNLOGGED_QUERY_MARK } from '../../../database/sql-logger';
import { AppLogRecord } from './app-log-record';

/** `\u0000` escapes not preceded by a backslash of their own (`\\u0000` is a backslash and text). */
const NUL_ESCAPE = /(?<!\\)((?:\\\\)*)\\u0000/g;

/**
 * PostgreSQL text cannot hold U+0000, so it is dropped rather than failing the batch; checked on
 * the serialised batch (rarely needed) instead of on every string while serialising.
 */
function withoutNulCharacters(json: string): string {
  return json.includes('\\u0000') ? json.replace(NUL_ESCAPE, '$1') : json;
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
      [withoutNulCharacters(JSON.stringify(rows))],
    );
    return stored;
  }
}
