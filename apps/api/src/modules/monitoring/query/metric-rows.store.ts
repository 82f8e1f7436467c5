import { Injectable } from '@nestjs/common';
import type { MetricPeriod, MetricType } from '@ledgerlens/contracts';
import { DataSource } from 'typeorm';
import { SqlConditions } from '../../../common/sql/sql-conditions';
import type { PerformanceMetricsTable } from '../../../database/generated/db-tables';
import { CastColumns, rowsOf } from '../../../database/typed-rows';
import { LatencyHistogram } from '../histogram/latency-histogram';
import { MONITORING_QUERY_MARK } from '../storage/monitoring-sql';

/** Rows of every instance and series in a group, merged: exact counts and sums, added buckets. */
export interface MergedRow extends LatencyHistogram {
  /** The group: a period start (ISO), a metric name, or '' for everything. */
  key: string;
  count4xx: number;
  count5xx: number;
}

export interface MergedRowsQuery {
  metricType: MetricType;
  period: MetricPeriod;
  /** Rows whose period starts in [from, to). */
  from: Date;
  to: Date;
  name?: string;
  groupBy: 'period' | 'name' | 'none';
}

/** A group's rows of `performance_metrics` added up, its sums read as numbers. */
type MergedMetricsRow = { key: string } & CastColumns<
  PerformanceMetricsTable,
  'count' | 'count_4xx' | 'count_5xx' | 'sum_us' | 'max_us',
  number
> &
  CastColumns<PerformanceMetricsTable, 'buckets', number[]>;

interface InstanceCountRow {
  instances: number;
}

function mergedRowOf(row: MergedMetricsRow): MergedRow {
  return {
    key: row.key,
    count: row.count,
    count4xx: row.count_4xx,
    count5xx: row.count_5xx,
    sumUs: row.sum_us,
    maxUs: row.max_us,
    buckets: row.buckets,
  };
}

const GROUP_KEYS: Record<MergedRowsQuery['groupBy'], string> = {
  period: `to_char(m.period_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`,
  name: 'm.metric_name',
  none: `''`,
};

/** `performance_metrics` read in SQL, merged in PostgreSQL. */
@Injectable()
export class MetricRowsStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Per group, every instance's and series' rows added up (bucket counts element-wise), so
   * percentiles are computed once from merged buckets.
   */
  async merged(query: MergedRowsQuery): Promise<MergedRow[]> {
    const conditions = new SqlConditions();
    conditions.and(`m.aggregation_period = ${conditions.param(query.period)}`);
    conditions.and(`m.metric_type = ${conditions.param(query.metricType)}`);
    conditions.and(`m.period_start >= ${conditions.param(query.from.toISOString())}`);
    conditions.and(`m.period_start < ${conditions.param(query.to.toISOString())}`);
    if (query.name !== undefined) conditions.and(`m.metric_name = ${conditions.param(query.name)}`);
    const rows = await rowsOf<MergedMetricsRow>(
      this.dataSource,
      `${MONITORING_QUERY_MARK}
      WITH rows AS (
        SELECT ${GROUP_KEYS[query.groupBy]} AS key, m.count, m.count_4xx, m.count_5xx, m.sum_us,
          m.max_us, m.buckets
        FROM performance_metrics m ${conditions.where()}
      ),
      totals AS (
        SELECT key, sum(count)::float8 AS count, sum(count_4xx)::float8 AS count_4xx,
          sum(count_5xx)::float8 AS count_5xx, sum(sum_us)::float8 AS sum_us,
          max(max_us)::float8 AS max_us
        FROM rows GROUP BY key
      ),
      bucket_sums AS (
        SELECT key, u.i, sum(u.c)::float8 AS c
        FROM rows, unnest(rows.buckets) WITH ORDINALITY AS u(c, i) GROUP BY key, u.i
      ),
      merged AS (
        SELECT key, array_agg(c ORDER BY i) AS buckets FROM bucket_sums GROUP BY key
      )
      SELECT t.key, t.count, t.count_4xx, t.count_5xx, t.sum_us, t.max_us, b.buckets
      FROM totals t JOIN merged b USING (key)
      ORDER BY t.key`,
      conditions.params,
    );
    return rows.map(mergedRowOf);
  }

  /** How many instances wrote minute rows whose period starts in [from, to). */
  async instancesBetween(from: Date, to: Date): Promise<number> {
    const [row] = await rowsOf<InstanceCountRow>(
      this.dataSource,
      `${MONITORING_QUERY_MARK}
      SELECT count(DISTINCT instance)::int AS instances FROM performance_metrics
      WHERE aggregation_period = '1m' AND period_start >= $1 AND period_start < $2`,
      [from.toISOString(), to.toISOString()],
    );
    return row.instances;
  }
}
