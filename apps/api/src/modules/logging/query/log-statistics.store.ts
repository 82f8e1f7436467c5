/**
 * Counts of stored logs in SQL, from the lines (`app_logs`) and from their hourly rollups
 * (`app_log_hourly_counts`, `app_log_hourly_errors`), which count every user's lines.
 */
import { LogLevel, LogSource } from '@ledgerlens/contracts';
import { BUCKET_ORIGIN } from '../../../common/http/time-buckets';
import { SqlConditions } from '../../../common/sql/sql-conditions';
import type {
  AppLogHourlyCountsTable,
  AppLogHourlyErrorsTable,
} from '../../../database/generated/db-tables';
import { CastColumns, Narrowed, Queryable, rowsOf } from '../../../database/typed-rows';
import { TopErrorDto } from './dto/log-entry.dto';
import { LogFilterDto } from './dto/log-query.dto';
import { conditionsOf } from './log-entries.store';

/** Whole UTC hours `[start, end)` inside a range: the part the rollups answer for. */
export interface HourSpan {
  start: string;
  end: string;
}

/** The lines of one level and source in one bucket of the volume series. */
export type VolumeRow = Pick<
  Narrowed<AppLogHourlyCountsTable, { level: LogLevel; source: LogSource }>,
  'level' | 'source'
> &
  CastColumns<AppLogHourlyCountsTable, 'count', number> & { bucket: Date };

/** A group of error messages by pattern, as the rollup of errors keeps it. */
type TopErrorRow = Pick<AppLogHourlyErrorsTable, 'pattern' | 'example' | 'last_seen'> &
  CastColumns<AppLogHourlyErrorsTable, 'count', number>;

function topErrorOf(row: TopErrorRow): TopErrorDto {
  return {
    pattern: row.pattern,
    count: row.count,
    example: row.example,
    lastSeen: row.last_seen.toISOString(),
  };
}

/**
 * Reads the range as parts: the rollups' whole hours, and the stored lines of what is left
 * at either end (or of the whole range without rollups). `part` makes one part's SQL.
 */
function partsOf(
  filters: LogFilterDto,
  span: HourSpan | undefined,
  sql: SqlConditions,
  part: {
    lines: (conditions: SqlConditions) => string;
    rollup: (conditions: SqlConditions) => string;
  },
): string {
  const lineRanges = span
    ? [
        { from: filters.from, to: span.start },
        { from: span.end, to: filters.to },
      ].filter((range) => (range.from as string) < (range.to as string))
    : [{ from: filters.from, to: filters.to }];
  const parts = lineRanges.map((range) => part.lines(conditionsOf({ ...filters, ...range }, sql)));
  if (span) {
    const rollup = new SqlConditions(sql)
      .and(`r.hour >= ${sql.param(span.start)}::timestamptz`)
      .and(`r.hour < ${sql.param(span.end)}::timestamptz`);
    if (filters.source) rollup.and(`r.source = ${sql.param(filters.source)}`);
    parts.push(part.rollup(rollup));
  }
  return parts.join(' UNION ALL ');
}

/** The lines matching `filters` by bucket of `bucketSeconds`, level and source. */
export function volumeRows(
  db: Queryable,
  filters: LogFilterDto,
  bucketSeconds: number,
  span: HourSpan | undefined,
): Promise<VolumeRow[]> {
  const sql = new SqlConditions();
  const bucket = (column: string) =>
    `date_bin(${width}::interval, ${column}, ${origin}::timestamptz)`;
  const width = sql.param(`${bucketSeconds} seconds`);
  const origin = sql.param(BUCKET_ORIGIN);
  const parts = partsOf(filters, span, sql, {
    lines: (conditions) =>
      `SELECT ${bucket('l.logged_at')} AS bucket, l.level, l.source, count(*) AS count
       FROM app_logs l ${conditions.where()} GROUP BY 1, 2, 3`,
    rollup: (conditions) =>
      `SELECT ${bucket('r.hour')}, r.level, r.source, sum(r.count)
       FROM app_log_hourly_counts r ${conditions.where()} GROUP BY 1, 2, 3`,
  });
  return rowsOf<VolumeRow>(
    db,
    `SELECT bucket, level, source, sum(count)::int AS count FROM (${parts}) AS parts
     GROUP BY 1, 2, 3`,
    sql.params,
  );
}

/** The `limit` most frequent error and fatal message patterns matching `filters`. */
export async function topErrors(
  db: Queryable,
  filters: LogFilterDto,
  span: HourSpan | undefined,
  limit: number,
): Promise<TopErrorDto[]> {
  const sql = new SqlConditions();
  const levels = sql.param(['error', 'fatal']);
  const parts = partsOf(filters, span, sql, {
    lines: (conditions) =>
      `SELECT coalesce(l.message_pattern, left(l.message, 500)) AS pattern, count(*) AS count,
         min(left(l.message, 500)) AS example, max(l.logged_at) AS last_seen
       FROM app_logs l ${conditions.where(`l.level = ANY(${levels}::varchar[])`)} GROUP BY 1`,
    rollup: (conditions) =>
      `SELECT r.pattern, sum(r.count), min(r.example), max(r.last_seen)
       FROM app_log_hourly_errors r ${conditions.where()} GROUP BY 1`,
  });
  const rows = await rowsOf<TopErrorRow>(
    db,
    `SELECT pattern, sum(count)::int AS count, min(example) AS example,
       max(last_seen) AS last_seen
     FROM (${parts}) AS parts GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${limit}`,
    sql.params,
  );
  return rows.map(topErrorOf);
}
