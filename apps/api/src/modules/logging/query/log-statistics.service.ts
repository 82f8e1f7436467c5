import { Injectable } from '@nestjs/common';
import { LOG_LEVELS, LOG_SOURCES, LogLevel, LogSource } from '@ledgerlens/contracts';
import { DataSource } from 'typeorm';
import { InvalidRequestError } from '../../../common/errors/domain-errors';
import { LevelCountsDto, LogStatisticsDto, TopErrorDto } from './dto/log-entry.dto';
import { LogFilterDto } from './dto/log-query.dto';
import { conditionsOf } from './logs-query.service';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Bucket widths tried in order: the first giving at most MAX_BUCKETS buckets wins. */
const BUCKET_SECONDS = [MINUTE, 5 * MINUTE, 15 * MINUTE, HOUR, 3 * HOUR, 6 * HOUR, DAY, 7 * DAY];
const MAX_BUCKETS = 200;
const MAX_RANGE_DAYS = 400;
const TOP_ERRORS = 10;

/**
 * A message with its parameters replaced, so `Order 17 failed` and `Order 42 failed` count as
 * one: UUIDs, emails, long hex strings, quoted values, then any number.
 */
const NORMALISED_MESSAGE = `
  regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
    left(l.message, 500),
    '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}', '<uuid>', 'g'),
    '[^\\s@<>]+@[^\\s@<>]+\\.[A-Za-z]{2,}', '<email>', 'g'),
    '\\m[0-9a-fA-F]{16,}\\M', '<hex>', 'g'),
    '"[^"]*"|''[^'']*''', '<value>', 'g'),
    '\\d+(\\.\\d+)?', '<n>', 'g')`;

export function bucketSecondsFor(rangeSeconds: number): number {
  return (
    BUCKET_SECONDS.find((width) => rangeSeconds / width <= MAX_BUCKETS) ??
    BUCKET_SECONDS[BUCKET_SECONDS.length - 1]
  );
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
    const [volumeRows, topErrors] = await Promise.all([
      this.volume(scope, bucketSeconds),
      this.topErrors(scope),
    ]);
    return {
      from: scope.from,
      to: scope.to,
      bucketSeconds,
      ...this.summarise(volumeRows, from, to, bucketSeconds),
      topErrors,
    };
  }

  private volume(filters: LogFilterDto, bucketSeconds: number): Promise<VolumeRow[]> {
    const conditions = conditionsOf(filters);
    const width = conditions.param(`${bucketSeconds} seconds`);
    const origin = conditions.param(filters.from);
    return this.dataSource.query(
      `SELECT date_bin(${width}::interval, l.logged_at, ${origin}::timestamptz) AS bucket,
         l.level, l.source, count(*)::int AS count
       FROM app_logs l ${conditions.where()}
       GROUP BY 1, 2, 3`,
      conditions.params,
    );
  }

  private topErrors(filters: LogFilterDto): Promise<TopErrorDto[]> {
    const conditions = conditionsOf(filters);
    const levels = conditions.param(['error', 'fatal']);
    return this.dataSource.query(
      `SELECT ${NORMALISED_MESSAGE} AS pattern, count(*)::int AS count,
         min(l.message) AS example, max(l.logged_at) AS "lastSeen"
       FROM app_logs l ${conditions.where(`l.level = ANY(${levels}::varchar[])`)}
       GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${TOP_ERRORS}`,
      conditions.params,
    );
  }

  /** Totals by level and source, and a volume series with every bucket of the range. */
  private summarise(rows: VolumeRow[], from: Date, to: Date, bucketSeconds: number) {
    const byLevel = zeroCounts();
    const bySource = Object.fromEntries(LOG_SOURCES.map((source) => [source, 0])) as Record<
      LogSource,
      number
    >;
    const buckets = new Map<number, LevelCountsDto>();
    const widthMs = bucketSeconds * 1000;
    for (let start = from.getTime(); start < to.getTime(); start += widthMs) {
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
