import { Injectable, Optional } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InternalEvent, LOG_SEVERITY_NUMBERS } from '@ledgerlens/contracts';
import { DataSource } from 'typeorm';
import { driverErrorOf, PG_CHECK_VIOLATION } from '../../../common/errors/postgres-errors';
import { messageTemplateOf } from '../../../common/text/message-template';
import { UNLOGGED_QUERY_MARK } from '../../../database/sql-logger';
import { AppLogRecord } from './app-log-record';

/** Levels whose messages are grouped by pattern for the statistics' top errors. */
const PATTERNED_LEVELS = new Set(['error', 'fatal']);

/** `\u0000` escapes not preceded by a backslash of their own (`\\u0000` is a backslash and text). */
const NUL_ESCAPE = /(?<!\\)((?:\\\\)*)\\u0000/g;

/**
 * PostgreSQL text cannot hold U+0000, so it is dropped rather than failing the batch; checked on
 * the serialised batch (rarely needed) instead of on every string while serialising.
 */
function withoutNulCharacters(json: string): string {
  return json.includes('\\u0000') ? json.replace(NUL_ESCAPE, '$1') : json;
}

/** PostgreSQL's refusal of a row whose day has no partition of `app_logs` yet. */
function isMissingPartition(error: unknown): boolean {
  const driverError = driverErrorOf(error);
  return (
    driverError?.code === PG_CHECK_VIOLATION &&
    (driverError.message ?? '').startsWith('no partition of relation')
  );
}

/** The UTC days (`YYYY-MM-DD`) the records fall on. */
function daysOf(batch: readonly AppLogRecord[]): string[] {
  return [...new Set(batch.map((record) => new Date(record.loggedAt).toISOString().slice(0, 10)))];
}

/** What a batch stored: how many records, and the client IDs among them (browser entries). */
export interface StoredRecords {
  stored: number;
  clientIds: string[];
}

/** The records of a batch stored now: not those a browser sent again (same client ID). */
const storedNowOf = (batch: readonly AppLogRecord[], clientIds: ReadonlySet<string>) =>
  batch.filter((record) => record.clientId === null || clientIds.has(record.clientId));

/**
 * Inserts log records in one statement: the batch travels as one JSON parameter, so it is
 * all or nothing, and a record whose client ID and time are already stored is skipped. A batch
 * with a day that has no partition yet (the partition job makes them ahead; logs can be older)
 * makes the missing days and is written again. The records stored are then announced
 * (`InternalEvent.LogsStored`) for the live tail.
 */
@Injectable()
export class AppLogWriter {
  constructor(
    private readonly dataSource: DataSource,
    @Optional() private readonly events?: EventEmitter2,
  ) {}

  /** Resolves to the number of records stored (duplicates are not). */
  async write(batch: readonly AppLogRecord[]): Promise<number> {
    return (await this.store(batch)).stored;
  }

  /** Like `write`, also naming the client IDs of the records stored now (not of duplicates). */
  async store(batch: readonly AppLogRecord[]): Promise<StoredRecords> {
    if (batch.length === 0) return { stored: 0, clientIds: [] };
    const rows = withoutNulCharacters(
      JSON.stringify(
        batch.map((record) => ({
          ...record,
          severityNumber: LOG_SEVERITY_NUMBERS[record.level],
          messagePattern: PATTERNED_LEVELS.has(record.level)
            ? messageTemplateOf(record.message)
            : null,
        })),
      ),
    );
    const result = await this.insert(rows).catch(async (error: unknown) => {
      if (!isMissingPartition(error)) throw error;
      await this.dataSource.query(
        `${UNLOGGED_QUERY_MARK} SELECT app_logs_ensure_partition(day::date) FROM unnest($1::text[]) AS day`,
        [daysOf(batch)],
      );
      return this.insert(rows);
    });
    this.announce(batch, result);
    return result;
  }

  /** After the insert (its own transaction) committed; entries a browser sent again were not stored now. */
  private announce(batch: readonly AppLogRecord[], { stored, clientIds }: StoredRecords): void {
    if (stored === 0 || !this.events) return;
    const records = stored === batch.length ? batch : storedNowOf(batch, new Set(clientIds));
    try {
      this.events.emit(InternalEvent.LogsStored, records);
    } catch {
      // A listener's failure is its own: the lines are stored, and a retry would store them twice.
    }
  }

  private async insert(rows: string): Promise<StoredRecords> {
    const [result] = await this.dataSource.query(
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
      [rows],
    );
    return result;
  }
}
