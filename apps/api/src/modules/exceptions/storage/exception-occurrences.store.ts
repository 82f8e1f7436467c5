import type { ExceptionLevel, LogSource } from '@ledgerlens/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppExceptionsTable } from '../../../database/generated/db-tables';
import { execute, Narrowed, oneRowOf, Queryable, rowsOf } from '../../../database/typed-rows';
import type { Occurrence } from '../capture/occurrence';
import { jsonParameter } from './json-parameter';

/** A stored occurrence as lists show it. */
export type ExceptionOccurrenceRow = Narrowed<
  Pick<
    AppExceptionsTable,
    | 'id'
    | 'occurred_at'
    | 'level'
    | 'type'
    | 'message'
    | 'source'
    | 'trace_id'
    | 'user_id'
    | 'request_method'
    | 'request_path'
    | 'release'
  >,
  { level: ExceptionLevel; source: LogSource }
>;

/** A stored occurrence with its stack and context (written by the writer: always an object). */
export type ExceptionOccurrenceDetailRow = ExceptionOccurrenceRow &
  Narrowed<Pick<AppExceptionsTable, 'stack' | 'context'>, { context: Record<string, unknown> }>;

/** An occurrence to store, in the group the batch put it in. */
export type OccurrenceDraft = Omit<Occurrence, 'fingerprint' | 'title' | 'culprit'> & {
  groupId: string;
};

const OCCURRENCE_COLUMNS = `e.id, e.occurred_at, e.level, e.type, e.message, e.source, e.trace_id,
  e.user_id, e.request_method, e.request_path, e.release`;

const INSERT_OCCURRENCES = `
  INSERT INTO app_exceptions (group_id, occurred_at, level, type, message, stack, source,
    trace_id, user_id, request_method, request_path, release, context)
  SELECT r."groupId", r."occurredAt", r.level, r.type, r.message, r.stack, r.source, r."traceId",
    r."userId", r."requestMethod", r."requestPath", r.release, r.context
  FROM jsonb_to_recordset($1::jsonb) AS r("groupId" uuid, "occurredAt" timestamptz,
    level varchar, type varchar, message text, stack text, source varchar, "traceId" varchar,
    "userId" uuid, "requestMethod" varchar, "requestPath" varchar, release varchar,
    context jsonb)`;

/** A count of stored occurrences. */
interface OccurrenceTotal {
  total: number;
}

/** `app_exceptions` in SQL: the stored (sampled) occurrences of the groups. */
@Injectable()
export class ExceptionOccurrencesStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The group's latest `limit` occurrences, newest first. */
  recent(groupId: string, limit: number): Promise<ExceptionOccurrenceRow[]> {
    return rowsOf<ExceptionOccurrenceRow>(
      this.dataSource,
      `SELECT ${OCCURRENCE_COLUMNS} FROM app_exceptions e WHERE e.group_id = $1
       ORDER BY e.occurred_at DESC, e.id DESC LIMIT $2`,
      [groupId, limit],
    );
  }

  /** The group's latest occurrence, with its stack and context. */
  latest(groupId: string): Promise<ExceptionOccurrenceDetailRow | undefined> {
    return oneRowOf<ExceptionOccurrenceDetailRow>(
      this.dataSource,
      `SELECT ${OCCURRENCE_COLUMNS}, e.stack, e.context FROM app_exceptions e
       WHERE e.group_id = $1 ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1`,
      [groupId],
    );
  }

  /** How many occurrences of the group are stored. */
  async countStored(groupId: string): Promise<number> {
    const [{ total }] = await rowsOf<OccurrenceTotal>(
      this.dataSource,
      `SELECT count(*)::int AS total FROM app_exceptions WHERE group_id = $1`,
      [groupId],
    );
    return total;
  }

  async insert(db: Queryable, occurrences: readonly OccurrenceDraft[]): Promise<void> {
    await execute(db, INSERT_OCCURRENCES, [jsonParameter(occurrences)]);
  }

  /** Deletes up to `limit` of the oldest occurrences before `cutoff`; answers how many. */
  deleteOldest(cutoff: Date, limit: number): Promise<number> {
    return execute(
      this.dataSource,
      `DELETE FROM app_exceptions WHERE id IN (
         SELECT id FROM app_exceptions WHERE occurred_at < $1 ORDER BY occurred_at LIMIT $2)`,
      [cutoff.toISOString(), limit],
    );
  }
}
