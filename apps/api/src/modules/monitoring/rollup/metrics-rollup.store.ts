import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { execute } from '../../../database/typed-rows';
import { PERIOD_ORIGIN, PERIOD_SECONDS, ROLLUP_SOURCES, RolledUpPeriod } from '../metric-periods';
import { MONITORING_QUERY_MARK } from '../storage/monitoring-sql';

/** Instance name of rolled-up rows: every instance together. */
export const ALL_INSTANCES = '*';

/**
 * Source rows changed this long before a target's newest row are looked at again: a flush that
 * committed while the previous rollup ran (its rows stamped before that rollup's time) is then
 * still picked up. Far longer than any flush takes.
 */
const IN_FLIGHT_MARGIN = '1 minute';

/**
 * `performance_metrics`' rolled-up rows in SQL: a target period is recomputed whole from its
 * source rows (counts and sums added, buckets added element-wise, maximum kept) and upserted with
 * `ON CONFLICT DO UPDATE SET … = excluded.…`, so running it again rewrites the same numbers.
 */
@Injectable()
export class MetricsRollupStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Recomputes every `period` holding a source row written since the target's last rollup,
   * leaving periods that start more than `keptDays` ago alone; answers how many rows it wrote.
   */
  async rollUp(period: RolledUpPeriod, keptDays: number): Promise<number> {
    return execute(
      this.dataSource,
      `${MONITORING_QUERY_MARK}
      WITH since AS (
        SELECT coalesce(max(updated_at), '-infinity'::timestamptz) - interval '${IN_FLIGHT_MARGIN}' AS at
        FROM performance_metrics WHERE aggregation_period = $1
      ),
      periods AS (
        SELECT DISTINCT date_bin($3::interval, s.period_start, $4::timestamptz) AS start
        FROM performance_metrics s, since
        WHERE s.aggregation_period = $2 AND s.updated_at >= since.at
      ),
      src AS (
        SELECT p.start, s.metric_type, s.metric_name, s.count, s.count_4xx, s.count_5xx,
          s.sum_us, s.max_us, s.buckets
        FROM periods p
        JOIN performance_metrics s ON s.aggregation_period = $2
          AND s.period_start >= p.start AND s.period_start < p.start + $3::interval
        WHERE p.start >= now() - make_interval(days => $5)
      ),
      totals AS (
        SELECT start, metric_type, metric_name, sum(count)::bigint AS count,
          sum(count_4xx)::bigint AS count_4xx, sum(count_5xx)::bigint AS count_5xx,
          sum(sum_us)::bigint AS sum_us, max(max_us) AS max_us
        FROM src GROUP BY start, metric_type, metric_name
      ),
      bucket_sums AS (
        SELECT start, metric_type, metric_name, u.i, sum(u.c)::bigint AS c
        FROM src, unnest(src.buckets) WITH ORDINALITY AS u(c, i)
        GROUP BY start, metric_type, metric_name, u.i
      ),
      merged AS (
        SELECT start, metric_type, metric_name, array_agg(c ORDER BY i) AS buckets
        FROM bucket_sums GROUP BY start, metric_type, metric_name
      )
      INSERT INTO performance_metrics AS m (metric_type, metric_name, instance,
        aggregation_period, period_start, period_end, value, unit, count, count_4xx, count_5xx,
        sum_us, max_us, buckets)
      SELECT t.metric_type, t.metric_name, '${ALL_INSTANCES}', $1, t.start,
        t.start + $3::interval, t.sum_us / 1000.0 / greatest(t.count, 1), 'ms', t.count,
        t.count_4xx, t.count_5xx, t.sum_us, t.max_us, b.buckets
      FROM totals t JOIN merged b USING (start, metric_type, metric_name)
      ON CONFLICT (aggregation_period, metric_type, metric_name, instance, period_start)
      DO UPDATE SET
        value = excluded.value,
        count = excluded.count,
        count_4xx = excluded.count_4xx,
        count_5xx = excluded.count_5xx,
        sum_us = excluded.sum_us,
        max_us = excluded.max_us,
        buckets = excluded.buckets,
        updated_at = now()`,
      [
        period,
        ROLLUP_SOURCES[period],
        `${PERIOD_SECONDS[period]} seconds`,
        PERIOD_ORIGIN,
        keptDays,
      ],
    );
  }
}
