import { Injectable, Logger } from '@nestjs/common';
import { METRIC_PERIODS } from '@ledgerlens/contracts';
import { ClusterCron } from '../../../common/jobs/cluster-cron.decorator';
import { AppConfig } from '../../../config/app-config';
import { retentionDaysOf } from '../metric-periods';
import { MetricsRetentionStore } from './metrics-retention.store';

const METRICS_RETENTION_JOB = 'metrics-retention';

export interface MetricsRetentionResult {
  /** Rows removed per period. */
  metrics: Record<string, number>;
  slowRequests: number;
  slowQueries: number;
}

/**
 * Removes rows past their retention: minute, 5-minute and hour rows after
 * METRICS_RETENTION_*_DAYS (day rows are kept), slow requests and queries after
 * METRICS_RETENTION_SLOW_DAYS. Rollups never recompute a period older than its source's
 * retention, so what was rolled up stays right.
 */
@Injectable()
export class MetricsRetentionService {
  private readonly logger = new Logger('Metrics');

  constructor(
    private readonly store: MetricsRetentionStore,
    private readonly config: AppConfig,
  ) {}

  /** Daily at 03:40. */
  @ClusterCron('0 40 3 * * *', METRICS_RETENTION_JOB)
  async applyDaily(): Promise<void> {
    const removed = await this.apply();
    this.logger.log({ removed }, 'Metrics retention applied');
  }

  async apply(): Promise<MetricsRetentionResult> {
    const metrics: Record<string, number> = {};
    for (const period of METRIC_PERIODS) {
      const days = retentionDaysOf(this.config, period);
      if (days === undefined) continue;
      metrics[period] = await this.store.deleteMetricRows(period, days);
    }
    const slowDays = this.config.METRICS_RETENTION_SLOW_DAYS;
    const slowRequests = await this.store.deleteSlowRequests(slowDays);
    const slowQueries = await this.store.deleteSlowQueries(slowDays);
    return { metrics, slowRequests, slowQueries };
  }
}
