import { Injectable, Optional } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InternalEvent, LOG_SEVERITY_NUMBERS } from '@ledgerlens/contracts';
import { DataSource } from 'typeorm';
import { driverErrorOf, PG_CHECK_VIOLATION } from '../../../common/errors/postgres-errors';
import { messageTemplateOf } from '../../../common/text/message-template';
import { AppLogRecord } from './app-log-record';
import { ensurePartitionsOf, insertAppLogs, StoredRecords } from './app-logs.store';

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
    const result = await insertAppLogs(this.dataSource, rows).catch(async (error: unknown) => {
      if (!isMissingPartition(error)) throw error;
      await ensurePartitionsOf(this.dataSource, daysOf(batch));
      return insertAppLogs(this.dataSource, rows);
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
}
