/**
 * What `performance_metrics` measures: the duration of HTTP requests (one series per route,
 * `GET /api/v1/transactions/:id`) and of database queries (one series per statement kind).
 */
export const METRIC_TYPES = ['http_request', 'db_query'] as const;
export type MetricType = (typeof METRIC_TYPES)[number];

/** Aggregation periods, finest first: minute rows are written by each instance, the rest by rollups. */
export const METRIC_PERIODS = ['1m', '5m', '1h', '1d'] as const;
export type MetricPeriod = (typeof METRIC_PERIODS)[number];

/** Statement kinds of `db_query` series. */
export const QUERY_KINDS = [
  'SELECT',
  'INSERT',
  'UPDATE',
  'DELETE',
  'WITH',
  'TRANSACTION',
  'OTHER',
] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

/** Orders of the slow request and slow query lists. */
export const SLOW_SAMPLE_SORTS = ['newest', 'slowest'] as const;
export type SlowSampleSort = (typeof SLOW_SAMPLE_SORTS)[number];

/** The R10 preferred numbers (10^(k/10), rounded): ten steps of 26–28% per decade. */
const DECADE_STEPS = [100, 125, 160, 200, 250, 315, 400, 500, 630, 800];

/**
 * Upper bounds (inclusive, in microseconds) of the latency histogram buckets, fixed for every
 * row ever stored: 100 µs to 100 s on a log scale, ten buckets per decade. Bucket 0 holds
 * durations ≤ 100 µs, bucket k (1..60) durations in (bound[k-1], bound[k]], and the last bucket
 * (index 61) everything above 100 s. Changing this list changes the meaning of stored rows: it
 * needs a migration of `performance_metrics.buckets` (see docs/adr/0010).
 */
export const LATENCY_BUCKET_BOUNDS_US: readonly number[] = Object.freeze([
  ...[1, 10, 100, 1_000, 10_000, 100_000].flatMap((scale) =>
    DECADE_STEPS.map((step) => step * scale),
  ),
  100_000_000,
]);

/** Buckets of a latency histogram: one per bound plus the overflow bucket. */
export const LATENCY_BUCKET_COUNT = LATENCY_BUCKET_BOUNDS_US.length + 1;
