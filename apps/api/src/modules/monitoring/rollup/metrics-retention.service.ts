import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { METRIC_PERIODS } from '@ledgerlens/contracts';
import { ClusterCron } from '../../../common/jobs/cluster-cron.decorator';
import { AppConfig } from '../../../config/app-config';
import { retentionDaysOf } from '../metric-periods';
import { MONITORING_QUERY_MARK } from '../storage/monitoring-sql';

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
    private readonly dataSource: DataSource,
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
      metrics[period] = await this.remove(
        `DELETE FROM performance_metrics
         WHERE aggregation_period = $2 AND period_start < now() - make_interval(days => $1)`,
        days,
        period,
      );
    }
    const slowDays = this.config.METRICS_RETENTION_SLOW_DAYS;
    const slowRequests = await this.remove(
      `DELETE FROM slow_requests WHERE started_at < now() - make_interval(days => $1)`,
      slowDays,
    );
    const slowQueries = await this.remove(
      `DELETE FROM slow_queries WHERE started_at < now() - make_interval(days => $1)`,
      slowDays,
    );
    return { metrics, slowRequests, slowQueries };
  }

  private async remove(sql: string, ...params: unknown[]): Promise<number> {
    const [, affected] = await this.dataSource.query(`${MONITORING_QUERY_MARK} ${sql}`, params);
    return Number(affected ?? 0);
  }
}
