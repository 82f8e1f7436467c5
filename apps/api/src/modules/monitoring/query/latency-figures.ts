import { LatencyDto } from '../dto/metric-series.dto';
import { LatencyHistogram, percentileUs } from '../histogram/latency-histogram';

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
