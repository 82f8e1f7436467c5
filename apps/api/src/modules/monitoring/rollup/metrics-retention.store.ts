import { Injectable } from '@nestjs/common';
import type { MetricPeriod } from '@ledgerlens/contracts';
import { DataSource } from 'typeorm';
import { execute } from '../../../database/typed-rows';
import { MONITORING_QUERY_MARK } from '../storage/monitoring-sql';

/** Deletes metric rows and slow samples older than a number of days; each answers how many. */
@Injectable()
export class MetricsRetentionStore {
  constructor(private readonly dataSource: DataSource) {}

  /** `performance_metrics` rows of one period whose period started more than `days` ago. */
  async deleteMetricRows(period: MetricPeriod, days: number): Promise<number> {
    return execute(
      this.dataSource,
      `${MONITORING_QUERY_MARK} DELETE FROM performance_metrics
       WHERE aggregation_period = $2 AND period_start < now() - make_interval(days => $1)`,
      [days, period],
    );
  }

  async deleteSlowRequests(days: number): Promise<number> {
    return execute(
      this.dataSource,
      `${MONITORING_QUERY_MARK} DELETE FROM slow_requests
       WHERE started_at < now() - make_interval(days => $1)`,
      [days],
    );
  }

  async deleteSlowQueries(days: number): Promise<number> {
    return execute(
      this.dataSource,
      `${MONITORING_QUERY_MARK} DELETE FROM slow_queries
       WHERE started_at < now() - make_interval(days => $1)`,
      [days],
    );
  }
}
