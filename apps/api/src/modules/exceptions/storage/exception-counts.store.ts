import type { ExceptionStatus, LogSource } from '@ledgerlens/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BUCKET_ORIGIN } from '../../../common/http/time-buckets';
import type {
  ExceptionCountsTable,
  ExceptionGroupsTable,
} from '../../../database/generated/db-tables';
import { Narrowed, Queryable, rowsOf } from '../../../database/typed-rows';
import { jsonParameter } from './json-parameter';

/** Occurrences of a group in one clock hour (UTC); `count` a bigint sum. */
export type HourCountRow = Pick<ExceptionCountsTable, 'group_id' | 'count'> & { hour: Date };

/** A group's occurrences in a window and in the window of the same length before it. */
export type GroupTotalRow = Narrowed<
  Pick<ExceptionGroupsTable, 'id' | 'title' | 'type' | 'source' | 'status'>,
  { source: LogSource; status: ExceptionStatus }
> & {
  /** bigint sums. */
  count: string;
  previous_count: string;
};

/** Occurrences per `key` (an exception type or a group ID) in one bucket; `count` a bigint sum. */
export type BucketCountRow = Pick<ExceptionCountsTable, 'count'> & { key: string; bucket: Date };

/** A group's count of one minute (or hour), as a batch left it. */
export type MinuteCountRow = Pick<ExceptionCountsTable, 'group_id' | 'bucket_start' | 'count'>;

/** A window: ISO `from` inclusive, `to` exclusive. */
export interface CountWindow {
  from: string;
  to: string;
}

const ADD_COUNTS = `
  INSERT INTO exception_counts AS c (group_id, bucket_start, count)
  SELECT r."groupId", r."bucketStart", r.count
  FROM jsonb_to_recordset($1::jsonb) AS r("groupId" uuid, "bucketStart" timestamptz, count bigint)
  ORDER BY 1, 2
  ON CONFLICT (group_id, bucket_start) DO UPDATE SET count = c.count + EXCLUDED.count
  RETURNING c.group_id, c.bucket_start, c.count`;

/** A count of rows. */
interface RowTotal {
  total: number;
}

/**
 * `exception_counts` in SQL: every occurrence of a group counted per minute (per hour once older
 * than a week), sampled out or not.
 */
@Injectable()
export class ExceptionCountsStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The groups' occurrences per clock hour (UTC), from `from` until `to`; no row for an hour
   * without any.
   */
  hourly(groupIds: readonly string[], from: Date, to: Date): Promise<HourCountRow[]> {
    return rowsOf<HourCountRow>(
      this.dataSource,
      `SELECT group_id, date_trunc('hour', bucket_start, 'UTC') AS hour, sum(count) AS count
       FROM exception_counts
       WHERE group_id = ANY($1::uuid[]) AND bucket_start >= $2 AND bucket_start < $3
       GROUP BY 1, 2`,
      [groupIds, from.toISOString(), to.toISOString()],
    );
  }

  /** Adds to the minute counts (`bucketStart` ISO minutes); answers each minute's new count. */
  add(
    db: Queryable,
    counts: readonly { groupId: string; bucketStart: string; count: number }[],
  ): Promise<MinuteCountRow[]> {
    return rowsOf<MinuteCountRow>(db, ADD_COUNTS, [jsonParameter(counts)]);
  }

  /** Each group's minute rows before `before` become one row per hour (at the hour's start). */
  async mergeMinutesBefore(before: Date): Promise<number> {
    const [{ total }] = await rowsOf<RowTotal>(
      this.dataSource,
      `WITH moved AS (
         DELETE FROM exception_counts
         WHERE bucket_start < date_trunc('hour', $1::timestamptz, 'UTC')
           AND bucket_start <> date_trunc('hour', bucket_start, 'UTC')
         RETURNING group_id, bucket_start, count),
       hours AS (
         INSERT INTO exception_counts AS c (group_id, bucket_start, count)
         SELECT group_id, date_trunc('hour', bucket_start, 'UTC'), sum(count)
         FROM moved GROUP BY 1, 2
         ON CONFLICT (group_id, bucket_start) DO UPDATE SET count = c.count + EXCLUDED.count)
       SELECT count(*)::int AS total FROM moved`,
      [before.toISOString()],
    );
    return total;
  }

  /** Every group that occurred in the window or the one before it (from `previousFrom`). */
  totalsByGroup(window: CountWindow, previousFrom: string): Promise<GroupTotalRow[]> {
    return rowsOf<GroupTotalRow>(
      this.dataSource,
      `SELECT g.id, g.title, g.type, g.source, g.status,
         COALESCE(sum(c.count) FILTER (WHERE c.bucket_start >= $1), 0) AS count,
         COALESCE(sum(c.count) FILTER (WHERE c.bucket_start < $1), 0) AS previous_count
       FROM exception_counts c JOIN exception_groups g ON g.id = c.group_id
       WHERE c.bucket_start >= $3 AND c.bucket_start < $2
       GROUP BY g.id`,
      [window.from, window.to, previousFrom],
    );
  }

  /** Occurrences of the window per exception type and bucket (aligned on round UTC times). */
  bucketsByType(window: CountWindow, bucketSeconds: number): Promise<BucketCountRow[]> {
    return this.buckets('g.type', '', window, bucketSeconds);
  }

  /** Occurrences of the window per group (of `groupIds`) and bucket. */
  bucketsByGroup(
    window: CountWindow,
    bucketSeconds: number,
    groupIds: readonly string[],
  ): Promise<BucketCountRow[]> {
    return this.buckets(
      'c.group_id::text',
      `AND c.group_id = ANY($4::uuid[])`,
      window,
      bucketSeconds,
      [groupIds],
    );
  }

  private buckets(
    key: string,
    extra: string,
    window: CountWindow,
    bucketSeconds: number,
    params: unknown[] = [],
  ): Promise<BucketCountRow[]> {
    return rowsOf<BucketCountRow>(
      this.dataSource,
      `SELECT ${key} AS key,
         date_bin($3::interval, c.bucket_start, '${BUCKET_ORIGIN}'::timestamptz) AS bucket,
         sum(c.count) AS count
       FROM exception_counts c JOIN exception_groups g ON g.id = c.group_id
       WHERE c.bucket_start >= $1 AND c.bucket_start < $2 ${extra}
       GROUP BY 1, 2`,
      [window.from, window.to, `${bucketSeconds} seconds`, ...params],
    );
  }
}
