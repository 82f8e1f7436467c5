import { Injectable } from '@nestjs/common';
import { LOG_LEVELS, LOG_SOURCES, LogLevel, LogSource } from '@ledgerlens/contracts';
import { DataSource } from 'typeorm';
import { InvalidRequestError } from '../../../common/errors/domain-errors';
import { BUCKET_ORIGIN, bucketSecondsFor } from '../../../common/http/time-buckets';
import { LevelCountsDto, LogStatisticsDto, TopErrorDto } from './dto/log-entry.dto';
import { LogFilterDto } from './dto/log-query.dto';
import { conditionsOf } from './logs-query.service';
import { SqlConditions } from '../../../common/sql/sql-conditions';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MAX_RANGE_DAYS = 400;
const TOP_ERRORS = 10;

const HOUR_MS = HOUR * 1000;

/** Whole UTC hours `[start, end)` inside a range. */
interface HourSpan {
  start: string;
  end: string;
}

function zeroCounts(): LevelCountsDto {
  return Object.fromEntries(LOG_LEVELS.map((level) => [level, 0])) as unknown as LevelCountsDto;
}

interface VolumeRow {
  bucket: Date;
  level: LogLevel;
  source: LogSource;
  count: number;
}

/** Counts for the log dashboard: by level, by source, volume over time, most frequent errors. */
@Injectable()
export class LogStatisticsService {
  constructor(private readonly dataSource: DataSource) {}

  async statistics(
    range: { from?: string; to?: string },
    filters: Pick<LogFilterDto, 'source' | 'userId'>,
  ): Promise<LogStatisticsDto> {
    const to = range.to ? new Date(range.to) : new Date();
    const from = range.from ? new Date(range.from) : new Date(to.getTime() - DAY * 1000);
    const rangeSeconds = (to.getTime() - from.getTime()) / 1000;
    if (rangeSeconds <= 0) {
      throw new InvalidRequestError('from must be before to', {
        from: ['from must be before to'],
      });
    }
    if (rangeSeconds > MAX_RANGE_DAYS * DAY) {
      throw new InvalidRequestError(`The range can span ${MAX_RANGE_DAYS} days at most`, {
        from: [`from must be at most ${MAX_RANGE_DAYS} days before to`],
      });
    }
    const bucketSeconds = bucketSecondsFor(rangeSeconds);
    const scope = { ...filters, from: from.toISOString(), to: to.toISOString() };
    const span = this.rollupSpan(from, to, bucketSeconds, filters);
    const [volumeRows, topErrors] = await Promise.all([
      this.volume(scope, bucketSeconds, span),
      this.topErrors(scope, span),
    ]);
    return {
      from: scope.from,
      to: scope.to,
      bucketSeconds,
      ...this.summarise(volumeRows, from, to, bucketSeconds),
      topErrors,
    };
  }

  /**
   * The whole hours of the range that the hourly rollups can answer for: none when the buckets
   * are shorter than an hour or the lines are one user's (the rollups count every user's).
   */
  private rollupSpan(
    from: Date,
    to: Date,
    bucketSeconds: number,
    filters: Pick<LogFilterDto, 'userId'>,
  ): HourSpan | undefined {
    if (bucketSeconds < HOUR || filters.userId) return undefined;
    const start = Math.ceil(from.getTime() / HOUR_MS) * HOUR_MS;
    const end = Math.floor(to.getTime() / HOUR_MS) * HOUR_MS;
    return start < end
      ? { start: new Date(start).toISOString(), end: new Date(end).toISOString() }
      : undefined;
  }

  /**
   * Reads the range as parts: the rollups' whole hours, and the stored lines of what is left
   * at either end (or of the whole range without rollups). `part` makes one part's SQL.
   */
  private partsOf(
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
    const parts = lineRanges.map((range) =>
      part.lines(conditionsOf({ ...filters, ...range }, sql)),
    );
    if (span) {
      const rollup = new SqlConditions(sql)
        .and(`r.hour >= ${sql.param(span.start)}::timestamptz`)
        .and(`r.hour < ${sql.param(span.end)}::timestamptz`);
      if (filters.source) rollup.and(`r.source = ${sql.param(filters.source)}`);
      parts.push(part.rollup(rollup));
    }
    return parts.join(' UNION ALL ');
  }

  private volume(
    filters: LogFilterDto,
    bucketSeconds: number,
    span: HourSpan | undefined,
  ): Promise<VolumeRow[]> {
    const sql = new SqlConditions();
    const bucket = (column: string) =>
      `date_bin(${width}::interval, ${column}, ${origin}::timestamptz)`;
    const width = sql.param(`${bucketSeconds} seconds`);
    const origin = sql.param(BUCKET_ORIGIN);
    const parts = this.partsOf(filters, span, sql, {
      lines: (conditions) =>
        `SELECT ${bucket('l.logged_at')} AS bucket, l.level, l.source, count(*) AS count
         FROM app_logs l ${conditions.where()} GROUP BY 1, 2, 3`,
      rollup: (conditions) =>
        `SELECT ${bucket('r.hour')}, r.level, r.source, sum(r.count)
         FROM app_log_hourly_counts r ${conditions.where()} GROUP BY 1, 2, 3`,
    });
    return this.dataSource.query(
      `SELECT bucket, level, source, sum(count)::int AS count FROM (${parts}) AS parts
       GROUP BY 1, 2, 3`,
      sql.params,
    );
  }

  private topErrors(filters: LogFilterDto, span: HourSpan | undefined): Promise<TopErrorDto[]> {
    const sql = new SqlConditions();
    const levels = sql.param(['error', 'fatal']);
    const parts = this.partsOf(filters, span, sql, {
      lines: (conditions) =>
        `SELECT coalesce(l.message_pattern, left(l.message, 500)) AS pattern, count(*) AS count,
           min(left(l.message, 500)) AS example, max(l.logged_at) AS last_seen
         FROM app_logs l ${conditions.where(`l.level = ANY(${levels}::varchar[])`)} GROUP BY 1`,
      rollup: (conditions) =>
        `SELECT r.pattern, sum(r.count), min(r.example), max(r.last_seen)
         FROM app_log_hourly_errors r ${conditions.where()} GROUP BY 1`,
    });
    return this.dataSource.query(
      `SELECT pattern, sum(count)::int AS count, min(example) AS example,
         max(last_seen) AS "lastSeen"
       FROM (${parts}) AS parts GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${TOP_ERRORS}`,
      sql.params,
    );
  }

  /**
   * Totals by level and source, and a volume series with every bucket of the range (the first
   * starts at or before `from`, on a round time, and counts only lines from `from` on).
   */
  private summarise(rows: VolumeRow[], from: Date, to: Date, bucketSeconds: number) {
    const byLevel = zeroCounts();
    const bySource = Object.fromEntries(LOG_SOURCES.map((source) => [source, 0])) as Record<
      LogSource,
      number
    >;
    const buckets = new Map<number, LevelCountsDto>();
    const widthMs = bucketSeconds * 1000;
    const origin = Date.parse(BUCKET_ORIGIN);
    const first = origin + Math.floor((from.getTime() - origin) / widthMs) * widthMs;
    for (let start = first; start < to.getTime(); start += widthMs) {
      buckets.set(start, zeroCounts());
    }
    let total = 0;
    for (const row of rows) {
      total += row.count;
      byLevel[row.level] += row.count;
      bySource[row.source] += row.count;
      const counts = buckets.get(new Date(row.bucket).getTime());
      if (counts) counts[row.level] += row.count;
    }
    const volume = [...buckets].map(([start, counts]) => ({
      start: new Date(start).toISOString(),
      counts,
    }));
    return { total, byLevel, bySource, volume };
  }
}
