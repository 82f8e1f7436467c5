import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { execute } from '../../../database/typed-rows';
import { MinuteCell } from '../capture/minute-aggregator';
import { MONITORING_QUERY_MARK } from './monitoring-sql';

/** Element-wise sum of two bucket arrays of the same length. */
const ADD_BUCKETS_SQL = (left: string, right: string) =>
  `ARRAY(SELECT a + b FROM unnest(${left}, ${right}) WITH ORDINALITY AS u(a, b, i) ORDER BY i)`;

/**
 * `performance_metrics`' '1m' rows in SQL. Adds an instance's per-minute figures: a new minute
 * is inserted, a minute already stored is added to (counts, sums and buckets summed, maximum
 * kept), so figures of one minute written in several flushes add up. One statement per flush,
 * whatever its size.
 */
@Injectable()
export class MinuteRowsStore {
  constructor(private readonly dataSource: DataSource) {}

  async add(instance: string, cells: MinuteCell[]): Promise<void> {
    if (cells.length === 0) return;
    const rows = cells.map((cell) => ({
      metric_type: cell.metricType,
      metric_name: cell.metricName,
      period_start: new Date(cell.minuteStartMs).toISOString(),
      count: cell.count,
      count_4xx: cell.count4xx,
      count_5xx: cell.count5xx,
      sum_us: cell.sumUs,
      max_us: cell.maxUs,
      buckets: cell.buckets,
    }));
    await execute(
      this.dataSource,
      `${MONITORING_QUERY_MARK}
      INSERT INTO performance_metrics AS m (metric_type, metric_name, instance, aggregation_period,
        period_start, period_end, value, unit, count, count_4xx, count_5xx, sum_us, max_us, buckets)
      SELECT r.metric_type, r.metric_name, $2, '1m', r.period_start,
        r.period_start + interval '1 minute', r.sum_us / 1000.0 / r.count, 'ms', r.count,
        r.count_4xx, r.count_5xx, r.sum_us, r.max_us, r.buckets
      FROM jsonb_to_recordset($1::jsonb) AS r(metric_type text, metric_name text,
        period_start timestamptz, count bigint, count_4xx bigint, count_5xx bigint,
        sum_us bigint, max_us bigint, buckets bigint[])
      ON CONFLICT (aggregation_period, metric_type, metric_name, instance, period_start)
      DO UPDATE SET
        count = m.count + excluded.count,
        count_4xx = m.count_4xx + excluded.count_4xx,
        count_5xx = m.count_5xx + excluded.count_5xx,
        sum_us = m.sum_us + excluded.sum_us,
        max_us = greatest(m.max_us, excluded.max_us),
        buckets = ${ADD_BUCKETS_SQL('m.buckets', 'excluded.buckets')},
        value = (m.sum_us + excluded.sum_us) / 1000.0 / (m.count + excluded.count),
        updated_at = now()`,
      [JSON.stringify(rows), instance],
    );
  }
}
