import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ClusterCron } from '../../../common/jobs/cluster-cron.decorator';
import { AppConfig } from '../../../config/app-config';

const EXCEPTION_RETENTION_JOB = 'exception-retention';

/** Rows removed per statement: short transactions, and a shutdown is noticed between them. */
const DELETE_CHUNK = 5000;
/** Minute counts older than this are merged into hour counts (charts that old use hours). */
const MINUTE_COUNTS_KEPT_DAYS = 7;

export interface ExceptionRetentionResult {
  occurrencesDeleted: number;
  minuteCountsMerged: number;
}

/**
 * Retention of exception data: stored occurrences older than EXCEPTION_RETENTION_DAYS are
 * deleted (groups and their counts stay, so totals and charts keep their history), and minute
 * counts older than a week are merged into hour counts (the sum is unchanged).
 */
@Injectable()
export class ExceptionRetentionService {
  private readonly logger = new Logger('Exceptions');

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** Daily at 03:20. */
  @ClusterCron('0 20 3 * * *', EXCEPTION_RETENTION_JOB)
  async applyDaily(signal?: AbortSignal): Promise<void> {
    const result = await this.apply(signal);
    this.logger.log(result, 'Exception retention applied');
  }

  async apply(signal?: AbortSignal, now = new Date()): Promise<ExceptionRetentionResult> {
    const cutoff = new Date(now.getTime() - this.config.EXCEPTION_RETENTION_DAYS * 86_400_000);
    let occurrencesDeleted = 0;
    for (;;) {
      signal?.throwIfAborted();
      const [, deleted] = await this.dataSource.query(
        `DELETE FROM app_exceptions WHERE id IN (
           SELECT id FROM app_exceptions WHERE occurred_at < $1 ORDER BY occurred_at LIMIT $2)`,
        [cutoff.toISOString(), DELETE_CHUNK],
      );
      occurrencesDeleted += Number(deleted);
      if (Number(deleted) < DELETE_CHUNK) break;
    }
    signal?.throwIfAborted();
    const minuteCountsMerged = await this.mergeOldMinutes(
      new Date(now.getTime() - MINUTE_COUNTS_KEPT_DAYS * 86_400_000),
    );
    return { occurrencesDeleted, minuteCountsMerged };
  }

  /** Each group's minute rows before `before` become one row per hour (at the hour's start). */
  private async mergeOldMinutes(before: Date): Promise<number> {
    const [{ merged }] = await this.dataSource.query(
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
       SELECT count(*)::int AS merged FROM moved`,
      [before.toISOString()],
    );
    return merged;
  }
}
