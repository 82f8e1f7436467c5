import { Injectable } from '@nestjs/common';
import { LOG_LEVELS, LOG_SOURCES, LogSource } from '@ledgerlens/contracts';
import { DataSource } from 'typeorm';
import { InvalidRequestError } from '../../../common/errors/domain-errors';
import { BUCKET_ORIGIN, bucketSecondsFor } from '../../../common/http/time-buckets';
import { LevelCountsDto, LogStatisticsDto } from './dto/log-entry.dto';
import { LogFilterDto } from './dto/log-query.dto';
import { HourSpan, topErrors, volumeRows, VolumeRow } from './log-statistics.store';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MAX_RANGE_DAYS = 400;
const TOP_ERRORS = 10;

const HOUR_MS = HOUR * 1000;

function zeroCounts(): LevelCountsDto {
  return Object.fromEntries(LOG_LEVELS.map((level) => [level, 0])) as unknown as LevelCountsDto;
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
    const [volume, errors] = await Promise.all([
      volumeRows(this.dataSource, scope, bucketSeconds, span),
      topErrors(this.dataSource, scope, span, TOP_ERRORS),
    ]);
    return {
      from: scope.from,
      to: scope.to,
      bucketSeconds,
      ...this.summarise(volume, from, to, bucketSeconds),
      topErrors: errors,
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
      const counts = buckets.get(row.bucket.getTime());
      if (counts) counts[row.level] += row.count;
    }
    const volume = [...buckets].map(([start, counts]) => ({
      start: new Date(start).toISOString(),
      counts,
    }));
    return { total, byLevel, bySource, volume };
  }
}
