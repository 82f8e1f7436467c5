/**
 * Stored log lines read in SQL (`app_logs l`): one line, a trace, and keyset pages either side
 * of a cursor; and the filters as SQL conditions, shared with the statistics.
 */
import { LOG_LEVELS, LogLevel, LogSource } from '@ledgerlens/contracts';
import { isoTimestampSql } from '../../../common/sql/iso-timestamp';
import { SqlConditions } from '../../../common/sql/sql-conditions';
import type { AppLogsTable } from '../../../database/generated/db-tables';
import { CastColumns, Narrowed, oneRowOf, Queryable, rowsOf } from '../../../database/typed-rows';
import { LogEntryDto } from './dto/log-entry.dto';
import { LogFilterDto } from './dto/log-query.dto';
import { LogCursor } from './log-cursor';

/** A line as `ENTRY_COLUMNS` selects it: its time in ISO 8601 UTC with microseconds. */
type LogEntryRow = Pick<
  Narrowed<
    AppLogsTable,
    { level: LogLevel; source: LogSource; extra_data: Record<string, unknown> }
  >,
  | 'id'
  | 'level'
  | 'severity_number'
  | 'source'
  | 'module'
  | 'message'
  | 'trace_id'
  | 'user_id'
  | 'request_method'
  | 'request_path'
  | 'status_code'
  | 'duration_ms'
  | 'extra_data'
> &
  CastColumns<AppLogsTable, 'logged_at', string>;

const ENTRY_COLUMNS = `l.id, ${isoTimestampSql('l.logged_at')} AS logged_at, l.level,
  l.severity_number, l.source, l.module, l.message, l.trace_id, l.user_id, l.request_method,
  l.request_path, l.status_code, l.duration_ms, l.extra_data`;

function entryOf(row: LogEntryRow): LogEntryDto {
  return {
    id: row.id,
    timestamp: row.logged_at,
    level: row.level,
    severityNumber: row.severity_number,
    source: row.source,
    module: row.module,
    message: row.message,
    traceId: row.trace_id,
    userId: row.user_id,
    requestMethod: row.request_method,
    requestPath: row.request_path,
    statusCode: row.status_code,
    durationMs: row.duration_ms,
    extra: row.extra_data,
  };
}

/** `%`, `_` and `\` match themselves in a LIKE pattern built from user text. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** The levels a filter asks for (one, a list, and/or a minimum), or undefined for all. */
export function levelsOf(
  filters: Pick<LogFilterDto, 'level' | 'minLevel'>,
): LogLevel[] | undefined {
  const atLeast = filters.minLevel
    ? LOG_LEVELS.slice(LOG_LEVELS.indexOf(filters.minLevel))
    : undefined;
  if (!filters.level?.length) return atLeast;
  const listed = [...new Set(filters.level)];
  return atLeast ? listed.filter((level) => atLeast.includes(level)) : listed;
}

/** The start of a trace ID (8 to 31 hex digits), as the SPA shows it as an error's reference. */
const TRACE_REFERENCE = /^[0-9a-f]{8,31}$/i;

/**
 * A whole trace ID matches itself; a reference matches every trace ID it starts: a range on the
 * trace index (`g` sorts after every hex digit, in the C collation and in the natural ones).
 */
function traceCondition(conditions: SqlConditions, traceId: string): string {
  if (!TRACE_REFERENCE.test(traceId)) return `l.trace_id = ${conditions.param(traceId)}`;
  const prefix = traceId.toLowerCase();
  return (
    `l.trace_id >= ${conditions.param(prefix)} AND ` +
    `l.trace_id < ${conditions.param(`${prefix}g`)}`
  );
}

/**
 * Every filter but the level (which shapes the query), as SQL conditions on `app_logs l`;
 * numbered after `statement`'s parameters when given.
 */
export function conditionsOf(filters: LogFilterDto, statement?: SqlConditions): SqlConditions {
  const conditions = new SqlConditions(statement);
  const equal: [keyof LogFilterDto, string][] = [
    ['source', 'l.source'],
    ['userId', 'l.user_id'],
    ['module', 'l.module'],
    ['requestPath', 'l.request_path'],
  ];
  for (const [filter, column] of equal) {
    const value = filters[filter];
    if (value !== undefined) conditions.and(`${column} = ${conditions.param(value)}`);
  }
  if (filters.traceId !== undefined) conditions.and(traceCondition(conditions, filters.traceId));
  if (filters.from) conditions.and(`l.logged_at >= ${conditions.param(filters.from)}`);
  if (filters.to) conditions.and(`l.logged_at < ${conditions.param(filters.to)}`);
  if (filters.q) conditions.and(`l.message ILIKE ${conditions.param(likePattern(filters.q))}`);
  return conditions;
}

/** One line; `userId` limits it to that user's lines. */
export async function findEntry(
  db: Queryable,
  id: string,
  userId?: string,
): Promise<LogEntryDto | undefined> {
  const conditions = new SqlConditions();
  conditions.and(`l.id = ${conditions.param(id)}`);
  if (userId) conditions.and(`l.user_id = ${conditions.param(userId)}`);
  const row = await oneRowOf<LogEntryRow>(
    db,
    `SELECT ${ENTRY_COLUMNS} FROM app_logs l ${conditions.where()} LIMIT 1`,
    conditions.params,
  );
  return row && entryOf(row);
}

/** The first `limit` lines of a trace (of `userId`'s lines when given), oldest first. */
export async function traceEntries(
  db: Queryable,
  traceId: string,
  limit: number,
  userId?: string,
): Promise<LogEntryDto[]> {
  const conditions = conditionsOf({ traceId, userId });
  const rows = await rowsOf<LogEntryRow>(
    db,
    `SELECT ${ENTRY_COLUMNS} FROM app_logs l ${conditions.where()}
     ORDER BY l.logged_at, l.id LIMIT ${limit}`,
    conditions.params,
  );
  return rows.map(entryOf);
}

/**
 * Up to `limit` lines next to `cursor`: older ones newest first, or (`after`) newer ones
 * oldest first. Several levels are read as one ordered index scan per level, merged: a single
 * `level IN (...)` could not use the (level, logged_at, id) index for the order.
 */
export async function entriesNextTo(
  db: Queryable,
  filters: LogFilterDto,
  limit: number,
  cursor?: LogCursor,
  direction: 'before' | 'after' = 'before',
): Promise<LogEntryDto[]> {
  const conditions = conditionsOf(filters);
  if (cursor) {
    const comparison = direction === 'before' ? '<' : '>';
    const at = `${conditions.param(cursor.loggedAt)}::timestamptz`;
    conditions.and(
      `(l.logged_at, l.id) ${comparison} (${at}, ${conditions.param(cursor.id)}::bigint)`,
    );
    // Implied by the row comparison, but only a plain bound lets PostgreSQL skip partitions.
    conditions.and(`l.logged_at ${comparison}= ${at}`);
  }
  const order = direction === 'before' ? 'DESC' : 'ASC';
  const levels = levelsOf(filters);
  const limitParam = conditions.param(limit);
  const select = (where: string) =>
    `SELECT ${ENTRY_COLUMNS}, l.logged_at AS sort_at, l.id AS sort_id
     FROM app_logs l ${where} ORDER BY l.logged_at ${order}, l.id ${order} LIMIT ${limitParam}`;
  if (levels?.length === 0) return [];
  const sql =
    !levels || levels.length === LOG_LEVELS.length
      ? select(conditions.where())
      : levels
          .map((level) => `(${select(conditions.where(`l.level = ${conditions.param(level)}`))})`)
          .join(' UNION ALL ');
  const rows = await rowsOf<LogEntryRow>(
    db,
    `SELECT * FROM (${sql}) page ORDER BY sort_at ${order}, sort_id ${order} LIMIT ${limitParam}`,
    conditions.params,
  );
  return rows.map(entryOf);
}
