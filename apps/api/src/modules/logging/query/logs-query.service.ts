import { Injectable } from '@nestjs/common';
import { LOG_LEVELS, LogLevel } from '@ledgerlens/contracts';
import { DataSource } from 'typeorm';
import { NotFoundError } from '../../../common/errors/domain-errors';
import { isoTimestampSql } from '../../../common/sql/iso-timestamp';
import { LogEntryDto, LogContextDto, LogPageDto } from './dto/log-entry.dto';
import { LogFilterDto } from './dto/log-query.dto';
import { decodeCursor, encodeCursor, LogCursor } from './log-cursor';
import { SqlConditions } from '../../../common/sql/sql-conditions';

/** Lines of one trace returned with a line's context at most. */
const TRACE_LIMIT = 1000;
/** Rows read per query while exporting: memory stays flat however long the export is. */
const EXPORT_CHUNK = 1000;

/** The columns of a `LogEntryDto`, read from `app_logs l`. */
export const LOG_ENTRY_COLUMNS = `l.id::text AS id,
  ${isoTimestampSql('l.logged_at')} AS "timestamp",
  l.level, l.severity_number AS "severityNumber", l.source, l.module, l.message,
  l.trace_id AS "traceId", l.user_id AS "userId", l.request_method AS "requestMethod",
  l.request_path AS "requestPath", l.status_code AS "statusCode", l.duration_ms AS "durationMs",
  l.extra_data AS extra`;

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

/**
 * Reads stored logs: keyset pages newest first (constant cost however deep), single lines
 * with their surroundings and trace, and every matching line for exports.
 */
@Injectable()
export class LogsQueryService {
  constructor(private readonly dataSource: DataSource) {}

  async find(filters: LogFilterDto, limit: number, cursor?: string): Promise<LogPageDto> {
    const items = await this.page(filters, limit, cursor ? decodeCursor(cursor) : undefined);
    const last = items[limit - 1];
    return {
      items,
      nextCursor:
        items.length === limit && last
          ? encodeCursor({ loggedAt: last.timestamp, id: last.id })
          : null,
    };
  }

  /** One line; `userId` limits it to that user's lines. */
  async get(id: string, userId?: string): Promise<LogEntryDto> {
    const conditions = new SqlConditions();
    conditions.and(`l.id = ${conditions.param(id)}`);
    if (userId) conditions.and(`l.user_id = ${conditions.param(userId)}`);
    const [entry] = await this.dataSource.query(
      `SELECT ${LOG_ENTRY_COLUMNS} FROM app_logs l ${conditions.where()} LIMIT 1`,
      conditions.params,
    );
    if (!entry) throw new NotFoundError('No log line with this ID');
    return entry;
  }

  /** A line, the lines around it in time and every line of its trace (all oldest first). */
  async context(
    id: string,
    around: { before: number; after: number },
    userId?: string,
  ): Promise<LogContextDto> {
    const entry = await this.get(id, userId);
    const scope: LogFilterDto = userId ? { userId } : {};
    const position = { loggedAt: entry.timestamp, id: entry.id };
    const [before, after, trace] = await Promise.all([
      around.before > 0 ? this.page(scope, around.before, position) : [],
      around.after > 0 ? this.page(scope, around.after, position, 'after') : [],
      entry.traceId ? this.trace(entry.traceId, userId) : [],
    ]);
    return { entry, before: before.reverse(), after, trace };
  }

  /** Every matching line, newest first, read in keyset chunks (no offset scans, no row cap). */
  async *stream(filters: LogFilterDto): AsyncGenerator<LogEntryDto> {
    let cursor: LogCursor | undefined;
    for (;;) {
      const rows = await this.page(filters, EXPORT_CHUNK, cursor);
      yield* rows;
      if (rows.length < EXPORT_CHUNK) return;
      const last = rows[rows.length - 1];
      cursor = { loggedAt: last.timestamp, id: last.id };
    }
  }

  private trace(traceId: string, userId?: string): Promise<LogEntryDto[]> {
    const conditions = conditionsOf({ traceId, userId });
    return this.dataSource.query(
      `SELECT ${LOG_ENTRY_COLUMNS} FROM app_logs l ${conditions.where()}
       ORDER BY l.logged_at, l.id LIMIT ${TRACE_LIMIT}`,
      conditions.params,
    );
  }

  /**
   * Up to `limit` lines next to `cursor`: older ones newest first, or (`after`) newer ones
   * oldest first. Several levels are read as one ordered index scan per level, merged: a single
   * `level IN (...)` could not use the (level, logged_at, id) index for the order.
   */
  private page(
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
      `SELECT ${LOG_ENTRY_COLUMNS}, l.logged_at AS sort_at, l.id AS sort_id
       FROM app_logs l ${where} ORDER BY l.logged_at ${order}, l.id ${order} LIMIT ${limitParam}`;
    if (levels?.length === 0) return Promise.resolve([]);
    const sql =
      !levels || levels.length === LOG_LEVELS.length
        ? select(conditions.where())
        : levels
            .map((level) => `(${select(conditions.where(`l.level = ${conditions.param(level)}`))})`)
            .join(' UNION ALL ');
    return this.dataSource
      .query(
        `SELECT * FROM (${sql}) page ORDER BY sort_at ${order}, sort_id ${order} LIMIT ${limitParam}`,
        conditions.params,
      )
      .then((rows: (LogEntryDto & { sort_at?: unknown; sort_id?: unknown })[]) =>
        rows.map(({ sort_at: _at, sort_id: _id, ...entry }) => entry),
      );
  }
}
