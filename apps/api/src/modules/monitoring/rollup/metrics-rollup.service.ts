import { Injectable } from '@nestjs/common';
import { CronExpression } from '@nestjs/schedule';
import { ClusterCron } from '../../../common/jobs/cluster-cron.decorator';
import { AppConfig } from '../../../config/app-config';
import { retentionDaysOf, ROLLUP_SOURCES, RolledUpPeriod } from '../metric-periods';
import { MetricsRollupStore } from './metrics-rollup.store';

export const ROLLUP_FIVE_MINUTES_JOB = 'metrics-rollup-5m';
const ROLLUP_HOURS_JOB = 'metrics-rollup-1h';
const ROLLUP_DAYS_JOB = 'metrics-rollup-1d';

export interface RollupResult {
  period: RolledUpPeriod;
  /** Target rows written (inserted or recomputed). */
  rows: number;
}

/**
 * Rolls finer rows up into '5m' (from '1m', every instance merged), '1h' (from '5m') and '1d'
 * (from '1h'). A target period is recomputed whole from its source rows (counts and sums added,
 * buckets added element-wise, maximum kept) and upserted with `ON CONFLICT DO UPDATE SET … =
 * excluded.…`: running a rollup again rewrites the same numbers, never adds them twice.
 *
 * Which periods: every period holding a source row written since the target's last rollup
 * (by `updated_at`), so the open period, the one that just closed and any period a late flush
 * touched are recomputed, and nothing else. Periods older than the source's retention are left
 * alone, since part of their source rows may be gone.
 */
@Injectable()
export class MetricsRollupService {
  constructor(
    private readonly store: MetricsRollupStore,
    private readonly config: AppConfig,
  ) {}

  /** Every minute: 5-minute rows from the minute rows of every instance (the open period included). */
  @ClusterCron(CronExpression.EVERY_MINUTE, ROLLUP_FIVE_MINUTES_JOB)
  async rollUpFiveMinutes(): Promise<void> {
    await this.rollUp('5m');
  }

  /** Every 5 minutes, half a minute past, so that minute's 5-minute rollup has run: hour rows. */
  @ClusterCron('30 */5 * * * *', ROLLUP_HOURS_JOB)
  async rollUpHours(): Promise<void> {
    await this.rollUp('1h');
  }

  /** Hourly, ten minutes past, after the hour rollup of five past: day rows (UTC days). */
  @ClusterCron('0 10 * * * *', ROLLUP_DAYS_JOB)
  async rollUpDays(): Promise<void> {
    await this.rollUp('1d');
  }

  /** '5m', then '1h', then '1d': each from what the one before just wrote. */
  async rollUpAll(): Promise<RollupResult[]> {
    const results: RollupResult[] = [];
    for (const period of Object.keys(ROLLUP_SOURCES) as RolledUpPeriod[]) {
      results.push(await this.rollUp(period));
    }
    return results;
  }

  async rollUp(period: RolledUpPeriod): Promise<RollupResult> {
    const source = ROLLUP_SOURCES[period];
    const keptDays = retentionDaysOf(this.config, source) ?? 36_500;
    const rows = await this.store.rollUp(period, keptDays);
    return { period, rows };
  }
}
