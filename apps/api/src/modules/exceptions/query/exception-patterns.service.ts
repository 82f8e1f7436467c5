import { ExceptionStatus, LogSource } from '@ledgerlens/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { resolveTimeRange } from '../../../common/http/time-range';
import { BUCKET_ORIGIN, bucketSecondsFor, bucketStartOf } from '../../../common/http/time-buckets';
import {
  ExceptionPatternsDto,
  GroupFrequencyDto,
  TrendDto,
  TypeFrequencyDto,
} from '../dto/exception-patterns.dto';
import { ExceptionRangeDto } from '../dto/exception-query.dto';

const DAY_MS = 86_400_000;
const MAX_RANGE_DAYS = 400;
const TOP_GROUPS = 10;
const TOP_TYPES = 20;

interface GroupTotalRow {
  groupId: string;
  title: string;
  type: string;
  source: LogSource;
  status: ExceptionStatus;
  count: string;
  previousCount: string;
}

interface BucketRow {
  key: string;
  bucket: Date;
  count: string;
}

/** Percent change from `previous` to `count`, one decimal; null when there was nothing before. */
export function changePercent(count: number, previous: number): number | null {
  return previous === 0 ? null : Math.round(((count - previous) / previous) * 1000) / 10;
}

function trendOf(count: number, previousCount: number): TrendDto {
  return { count, previousCount, changePercent: changePercent(count, previousCount) };
}

/**
 * Exception patterns over a window: occurrences per bucket (width chosen from the window's
 * length, boundaries on round UTC times as in the log statistics), by type and for the most
 * frequent groups, and each against the previous window of the same length. Read from the
 * exact per-minute counts, so sampling never skews them; counts are kept per minute, so the
 * window's ends count to the minute.
 */
@Injectable()
export class ExceptionPatternsService {
  constructor(private readonly dataSource: DataSource) {}

  async patterns(query: ExceptionRangeDto): Promise<ExceptionPatternsDto> {
    const { from, to } = resolveTimeRange(query, {
      defaultSpanMs: DAY_MS,
      maxDays: MAX_RANGE_DAYS,
    });
    const spanMs = to.getTime() - from.getTime();
    const previousFrom = new Date(from.getTime() - spanMs);
    const bucketSeconds = bucketSecondsFor(spanMs / 1000);
    const bucketStarts: number[] = [];
    const first = bucketStartOf(from, bucketSeconds);
    for (let start = first; start < to.getTime(); start += bucketSeconds * 1000) {
      bucketStarts.push(start);
    }
    const window = [from.toISOString(), to.toISOString()];

    const [totals, typeBuckets, [{ newGroups }]] = await Promise.all([
      this.dataSource.query(
        `SELECT g.id AS "groupId", g.title, g.type, g.source, g.status,
           COALESCE(sum(c.count) FILTER (WHERE c.bucket_start >= $1), 0)::text AS count,
           COALESCE(sum(c.count) FILTER (WHERE c.bucket_start < $1), 0)::text AS "previousCount"
         FROM exception_counts c JOIN exception_groups g ON g.id = c.group_id
         WHERE c.bucket_start >= $3 AND c.bucket_start < $2
         GROUP BY g.id`,
        [...window, previousFrom.toISOString()],
      ) as Promise<GroupTotalRow[]>,
      this.buckets(`g.type`, '', window, bucketSeconds),
      this.dataSource.query(
        `SELECT count(*)::int AS "newGroups" FROM exception_groups
         WHERE first_seen >= $1 AND first_seen < $2`,
        window,
      ),
    ]);

    const top = totals
      .filter((row) => Number(row.count) > 0)
      .sort((a, b) => Number(b.count) - Number(a.count) || a.groupId.localeCompare(b.groupId))
      .slice(0, TOP_GROUPS);
    const groupBuckets = top.length
      ? await this.buckets(
          'c.group_id::text',
          `AND c.group_id = ANY($4::uuid[])`,
          window,
          bucketSeconds,
          [top.map((row) => row.groupId)],
        )
      : [];

    const series = (rows: BucketRow[], key: string) => {
      const counts = new Map(
        rows
          .filter((row) => row.key === key)
          .map((row) => [new Date(row.bucket).getTime(), Number(row.count)]),
      );
      return bucketStarts.map((start) => counts.get(start) ?? 0);
    };

    const byTypeTotals = new Map<string, { count: number; previousCount: number }>();
    for (const row of totals) {
      const sums = byTypeTotals.get(row.type) ?? { count: 0, previousCount: 0 };
      sums.count += Number(row.count);
      sums.previousCount += Number(row.previousCount);
      byTypeTotals.set(row.type, sums);
    }
    const byType: TypeFrequencyDto[] = [...byTypeTotals]
      .filter(([, sums]) => sums.count > 0)
      .sort(([a, x], [b, y]) => y.count - x.count || a.localeCompare(b))
      .slice(0, TOP_TYPES)
      .map(([type, sums]) => ({
        type,
        ...trendOf(sums.count, sums.previousCount),
        buckets: series(typeBuckets, type),
      }));
    const topGroups: GroupFrequencyDto[] = top.map((row) => ({
      groupId: row.groupId,
      title: row.title,
      type: row.type,
      source: row.source,
      status: row.status,
      ...trendOf(Number(row.count), Number(row.previousCount)),
      buckets: series(groupBuckets, row.groupId),
    }));

    const perBucket = new Map<number, number>();
    for (const row of typeBuckets) {
      const start = new Date(row.bucket).getTime();
      perBucket.set(start, (perBucket.get(start) ?? 0) + Number(row.count));
    }
    const buckets = bucketStarts.map((start) => perBucket.get(start) ?? 0);
    const count = totals.reduce((sum, row) => sum + Number(row.count), 0);
    const previousCount = totals.reduce((sum, row) => sum + Number(row.previousCount), 0);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      bucketSeconds,
      bucketStarts: bucketStarts.map((start) => new Date(start).toISOString()),
      buckets,
      trend: trendOf(count, previousCount),
      newGroups,
      byType,
      topGroups,
    };
  }

  /** Occurrences of the window per `key` and bucket (buckets aligned on round UTC times). */
  private buckets(
    key: string,
    extra: string,
    window: string[],
    bucketSeconds: number,
    params: unknown[] = [],
  ): Promise<BucketRow[]> {
    return this.dataSource.query(
      `SELECT ${key} AS key,
         date_bin($3::interval, c.bucket_start, '${BUCKET_ORIGIN}'::timestamptz) AS bucket,
         sum(c.count)::text AS count
       FROM exception_counts c JOIN exception_groups g ON g.id = c.group_id
       WHERE c.bucket_start >= $1 AND c.bucket_start < $2 ${extra}
       GROUP BY 1, 2`,
      [...window, `${bucketSeconds} seconds`, ...params],
    );
  }
}
