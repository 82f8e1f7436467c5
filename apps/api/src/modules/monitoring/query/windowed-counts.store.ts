import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PerformanceMetricsTable } from '../../../database/generated/db-tables';
import { CastColumns, rowsOf } from '../../../database/typed-rows';
import {
  countQuery,
  grouped,
  readBy,
  WindowedCount,
  windowedCounts,
  WindowedCountsRequest,
} from '../../../database/windowed-counts';
import type { LatencyHistogram } from '../histogram/latency-histogram';

/** A minute of one endpoint's requests (`METHOD route`): their latency histogram and 5xx count. */
export interface RequestMinute extends LatencyHistogram {
  name: string;
  periodStart: Date;
  count5xx: number;
}

/** A minute of `performance_metrics`, its counters read as numbers. */
type MinuteRow = Pick<PerformanceMetricsTable, 'metric_name' | 'period_start'> &
  CastColumns<PerformanceMetricsTable, 'count' | 'count_5xx' | 'sum_us' | 'max_us', number> &
  CastColumns<PerformanceMetricsTable, 'buckets', number[]>;

function requestMinuteOf(row: MinuteRow): RequestMinute {
  return {
    name: row.metric_name,
    periodStart: row.period_start,
    count: row.count,
    count5xx: row.count_5xx,
    sumUs: row.sum_us,
    maxUs: row.max_us,
    buckets: row.buckets,
  };
}

/**
 * Slow requests in each filter's window; `route` and `method` filter, grouped by `route` the key
 * is `METHOD route`.
 */
const SLOW_REQUESTS = countQuery({
  rows: 'slow_requests s',
  key: grouped({ route: `s.method || ' ' || s.route` }),
  match: `s.started_at >= f."from" AND s.started_at <= $2
     AND (f.route IS NULL OR s.route = f.route) AND (f.method IS NULL OR s.method = f.method)`,
});

/**
 * Slow queries in each filter's window. A slow query's `route` is the endpoint that ran it,
 * method first (`GET /api/v1/…`): `route` and `method` filter on its parts, and grouped by
 * `route` the key is the whole.
 */
const SLOW_QUERIES = countQuery({
  rows: 'slow_queries q',
  key: grouped({ route: 'q.route' }),
  match: `q.started_at >= f."from" AND q.started_at <= $2
     AND (f.route IS NULL OR split_part(q.route, ' ', 2) = f.route)
     AND (f.method IS NULL OR split_part(q.route, ' ', 1) = f.method)`,
});

/** What other modules read of the request metrics and slow samples over a window, in one statement each. */
@Injectable()
export class MonitoringWindowedCountsStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Every endpoint's request minutes from `from` to `until`, inclusive. */
  async requestMinutes(window: {
    from: Date;
    until: Date;
    reader: string;
  }): Promise<RequestMinute[]> {
    const rows = await rowsOf<MinuteRow>(
      this.dataSource,
      readBy(
        window.reader,
        `SELECT metric_name, period_start, count::float8 AS count,
         count_5xx::float8 AS count_5xx, sum_us::float8 AS sum_us, max_us::float8 AS max_us,
         buckets::float8[] AS buckets
       FROM performance_metrics
       WHERE aggregation_period = '1m' AND metric_type = 'http_request'
         AND period_start >= $1 AND period_start <= $2`,
      ),
      [window.from, window.until],
    );
    return rows.map(requestMinuteOf);
  }

  slowRequestCounts(request: WindowedCountsRequest): Promise<WindowedCount[]> {
    return windowedCounts(this.dataSource, SLOW_REQUESTS, request);
  }

  slowQueryCounts(request: WindowedCountsRequest): Promise<WindowedCount[]> {
    return windowedCounts(this.dataSource, SLOW_QUERIES, request);
  }
}
