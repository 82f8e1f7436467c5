import { Injectable } from '@nestjs/common';
import type { MetricPeriod, MetricType } from '@ledgerlens/contracts';
import { DataSource } from 'typeorm';
import { SqlConditions } from '../../../common/sql/sql-conditions';
import { LatencyHistogram, percentileUs } from '../histogram/latency-histogram';
import { MONITORING_QUERY_MARK } from '../storage/monitoring-sql';
import { LatencyDto } from '../dto/metric-series.dto';

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

const GROUP_KEYS: Record<MergedRowsQuery['groupBy'], string> = {
  period: `to_char(m.period_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`,
  name: 'm.metric_name',
  none: `''`,
};

const round3 = (value: number) => Math.round(value * 1000) / 1000;
const msOf = (us: number | undefined) => (us === undefined ? null : round3(us / 1000));

/** Mean, p50/p95/p99 (from the buckets) and max of a merged histogram, in milliseconds. */
export function latencyOf(histogram: LatencyHistogram): LatencyDto {
  const empty = histogram.count === 0;
  return {
    meanMs: empty ? null : round3(histogram.sumUs / histogram.count / 1000),
    p50Ms: msOf(percentileUs(histogram, 0.5)),
    p95Ms: msOf(percentileUs(histogram, 0.95)),
    p99Ms: msOf(percentileUs(histogram, 0.99)),
    maxMs: empty ? null : msOf(histogram.maxUs),
  };
}

/** (4xx + 5xx) / count, rounded to 4 decimals; null without requests. */
export function errorRateOf(row: {
  count: number;
  count4xx: number;
  count5xx: number;
}): number | null {
  return row.count > 0
    ? Math.round(((row.count4xx + row.count5xx) / row.count) * 10_000) / 10_000
    : null;
}

/**
 * Reads `performance_metrics` merged in PostgreSQL: per group, every instance's and series' rows
 * added up (bucket counts element-wise), so percentiles are computed once from merged buckets.
 */
@Injectable()
export class MetricRowsReader {
  constructor(private readonly dataSource: DataSource) {}

  async merged(query: MergedRowsQuery): Promise<MergedRow[]> {
    const conditions = new SqlConditions();
    conditions.and(`m.aggregation_period = ${conditions.param(query.period)}`);
    conditions.and(`m.metric_type = ${conditions.param(query.metricType)}`);
    conditions.and(`m.period_start >= ${conditions.param(query.from.toISOString())}`);
    conditions.and(`m.period_start < ${conditions.param(query.to.toISOString())}`);
    if (query.name !== undefined) conditions.and(`m.metric_name = ${conditions.param(query.name)}`);
    const rows: {
      key: string;
      count: number;
      count4xx: number;
      count5xx: number;
      sumUs: number;
      maxUs: number;
      buckets: number[];
    }[] = await this.dataSource.query(
      `${MONITORING_QUERY_MARK}
      WITH rows AS (
        SELECT ${GROUP_KEYS[query.groupBy]} AS key, m.count, m.count_4xx, m.count_5xx, m.sum_us,
          m.max_us, m.buckets
        FROM performance_metrics m ${conditions.where()}
      ),
      totals AS (
        SELECT key, sum(count)::float8 AS count, sum(count_4xx)::float8 AS count4xx,
          sum(count_5xx)::float8 AS count5xx, sum(sum_us)::float8 AS "sumUs",
          max(max_us)::float8 AS "maxUs"
        FROM rows GROUP BY key
      ),
      bucket_sums AS (
        SELECT key, u.i, sum(u.c)::float8 AS c
        FROM rows, unnest(rows.buckets) WITH ORDINALITY AS u(c, i) GROUP BY key, u.i
      ),
      merged AS (
        SELECT key, array_agg(c ORDER BY i) AS buckets FROM bucket_sums GROUP BY key
      )
      SELECT t.key, t.count, t.count4xx, t.count5xx, t."sumUs", t."maxUs", b.buckets
      FROM totals t JOIN merged b USING (key)
      ORDER BY t.key`,
      conditions.params,
    );
    return rows;
  }
}
