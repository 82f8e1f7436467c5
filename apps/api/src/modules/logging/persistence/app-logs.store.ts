/**
 * `app_logs` written in SQL. Every statement is marked unlogged: logging the statements that
 * store the log lines would make lines of its own.
 */
import type { AppLogsTable } from '../../../database/generated/db-tables';
import { execute, Queryable, rowsOf } from '../../../database/typed-rows';
import { UNLOGGED_QUERY_MARK } from '../../../database/sql-logger';

/** What a batch stored: how many records, and the client IDs among them (browser entries). */
export interface StoredRecords {
  stored: number;
  clientIds: NonNullable<AppLogsTable['client_id']>[];
}

/**
 * Inserts a batch of records (`batch`: a JSON array of `AppLogRecord`s, each with its severity
 * number and message pattern) in one statement, skipping those whose client ID and time are
 * already stored.
 */
export async function insertAppLogs(db: Queryable, batch: string): Promise<StoredRecords> {
  const [result] = await rowsOf<StoredRecords>(
    db,
    `${UNLOGGED_QUERY_MARK}
     WITH inserted AS (
       INSERT INTO app_logs (logged_at, level, severity_number, source, module, message,
         trace_id, user_id, request_method, request_path, status_code, duration_ms, extra_data,
         client_id, message_pattern)
       SELECT r."loggedAt", r.level, r."severityNumber", r.source, r.module, r.message,
         r."traceId", r."userId", r."requestMethod", r."requestPath", r."statusCode",
         r."durationMs", r."extraData", r."clientId", r."messagePattern"
       FROM jsonb_to_recordset($1::jsonb) AS r(
         "loggedAt" timestamptz, level varchar, "severityNumber" smallint, source varchar,
         module varchar, message text, "traceId" varchar, "userId" uuid,
         "requestMethod" varchar, "requestPath" varchar, "statusCode" smallint,
         "durationMs" integer, "extraData" jsonb, "clientId" uuid, "messagePattern" text)
       ON CONFLICT ("client_id", "logged_at") DO NOTHING
       RETURNING client_id)
     SELECT count(*)::int AS stored,
       COALESCE(array_agg(client_id) FILTER (WHERE client_id IS NOT NULL), '{}') AS "clientIds"
     FROM inserted`,
    [batch],
  );
  return result;
}

/** Makes the day partitions of `app_logs` that these UTC days (`YYYY-MM-DD`) lack. */
export async function ensurePartitionsOf(db: Queryable, days: readonly string[]): Promise<void> {
  await execute(
    db,
    `${UNLOGGED_QUERY_MARK} SELECT app_logs_ensure_partition(day::date) FROM unnest($1::text[]) AS day`,
    [days],
  );
}
