import { Injectable } from '@nestjs/common';
import { resolveTimeRange } from '../../../common/http/time-range';
import { bucketSecondsFor, bucketStartOf } from '../../../common/http/time-buckets';
import {
  ExceptionPatternsDto,
  GroupFrequencyDto,
  TrendDto,
  TypeFrequencyDto,
} from '../dto/exception-patterns.dto';
import { ExceptionRangeDto } from '../dto/exception-query.dto';
import { BucketCountRow, ExceptionCountsStore } from '../storage/exception-counts.store';
import { ExceptionGroupsStore } from '../storage/exception-groups.store';

const DAY_MS = 86_400_000;
const MAX_RANGE_DAYS = 400;
const TOP_GROUPS = 10;
const TOP_TYPES = 20;

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
  constructor(
    private readonly counts: ExceptionCountsStore,
    private readonly groups: ExceptionGroupsStore,
  ) {}

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
    const window = { from: from.toISOString(), to: to.toISOString() };

    const [totals, typeBuckets, newGroups] = await Promise.all([
      this.counts.totalsByGroup(window, previousFrom.toISOString()),
      this.counts.bucketsByType(window, bucketSeconds),
      this.groups.countFirstSeen(window.from, window.to),
    ]);

    const top = totals
      .filter((row) => Number(row.count) > 0)
      .sort((a, b) => Number(b.count) - Number(a.count) || a.id.localeCompare(b.id))
      .slice(0, TOP_GROUPS);
    const groupBuckets = top.length
      ? await this.counts.bucketsByGroup(
          window,
          bucketSeconds,
          top.map((row) => row.id),
        )
      : [];

    const series = (rows: BucketCountRow[], key: string) => {
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
      sums.previousCount += Number(row.previous_count);
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
      groupId: row.id,
      title: row.title,
      type: row.type,
      source: row.source,
      status: row.status,
      ...trendOf(Number(row.count), Number(row.previous_count)),
      buckets: series(groupBuckets, row.id),
    }));

    const perBucket = new Map<number, number>();
    for (const row of typeBuckets) {
      const start = new Date(row.bucket).getTime();
      perBucket.set(start, (perBucket.get(start) ?? 0) + Number(row.count));
    }
    const buckets = bucketStarts.map((start) => perBucket.get(start) ?? 0);
    const count = totals.reduce((sum, row) => sum + Number(row.count), 0);
    const previousCount = totals.reduce((sum, row) => sum + Number(row.previous_count), 0);
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
}
