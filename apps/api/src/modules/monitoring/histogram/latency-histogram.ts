import { LATENCY_BUCKET_BOUNDS_US, LATENCY_BUCKET_COUNT } from '@ledgerlens/contracts';

/**
 * Durations in the fixed log-scale buckets of LATENCY_BUCKET_BOUNDS_US, with the exact count,
 * sum and maximum. Two histograms merge by adding (maximum: the larger), so rows of several
 * instances and minutes roll up without losing anything percentiles need. Durations are whole
 * microseconds, so sums stay exact integers however they are added up.
 */
export interface LatencyHistogram {
  count: number;
  sumUs: number;
  maxUs: number;
  /** LATENCY_BUCKET_COUNT counts, see LATENCY_BUCKET_BOUNDS_US. */
  buckets: number[];
}

const BOUNDS = LATENCY_BUCKET_BOUNDS_US;

export function emptyHistogram(): LatencyHistogram {
  return { count: 0, sumUs: 0, maxUs: 0, buckets: new Array<number>(LATENCY_BUCKET_COUNT).fill(0) };
}

/** A duration in milliseconds (fractions allowed) as the whole microseconds histograms hold. */
export function microsecondsOf(durationMs: number): number {
  return Math.max(0, Math.round(durationMs * 1000));
}

/** The bucket of a duration: the first whose upper bound it does not exceed, else the overflow. */
export function bucketIndexOf(durationUs: number): number {
  let low = 0;
  let high = BOUNDS.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (durationUs <= BOUNDS[middle]) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** The upper bound of a bucket in microseconds; Infinity for the overflow bucket. */
export function bucketUpperBoundUs(index: number): number {
  return index < BOUNDS.length ? BOUNDS[index] : Infinity;
}

/** Adds one duration (whole microseconds) to `histogram`, in place. */
export function observe(histogram: LatencyHistogram, durationUs: number): void {
  histogram.count += 1;
  histogram.sumUs += durationUs;
  if (durationUs > histogram.maxUs) histogram.maxUs = durationUs;
  histogram.buckets[bucketIndexOf(durationUs)] += 1;
}

/** Adds `other` into `into`, in place. */
export function mergeInto(into: LatencyHistogram, other: LatencyHistogram): LatencyHistogram {
  into.count += other.count;
  into.sumUs += other.sumUs;
  if (other.maxUs > into.maxUs) into.maxUs = other.maxUs;
  for (let i = 0; i < into.buckets.length; i++) into.buckets[i] += other.buckets[i] ?? 0;
  return into;
}

export function mergeHistograms(histograms: Iterable<LatencyHistogram>): LatencyHistogram {
  const merged = emptyHistogram();
  for (const histogram of histograms) mergeInto(merged, histogram);
  return merged;
}

/** The 1-based rank of the nearest-rank percentile `fraction` (0 < fraction ≤ 1) of `count` values. */
export function nearestRank(fraction: number, count: number): number {
  // In millionths, so 0.95 × 20 is exactly 19 rather than 19.000000000000004.
  const perMillion = Math.round(fraction * 1_000_000);
  return Math.min(count, Math.max(1, Math.ceil((perMillion * count) / 1_000_000)));
}

/**
 * The nearest-rank percentile of the durations a histogram holds, in microseconds: the upper
 * bound of the bucket holding the value of that rank, capped by the maximum (the overflow
 * bucket answers the maximum). Never below the true percentile, and at most one bucket
 * (at most 28%) above it. Undefined for an empty histogram.
 */
export function percentileUs(histogram: LatencyHistogram, fraction: number): number | undefined {
  if (histogram.count <= 0) return undefined;
  const rank = nearestRank(fraction, histogram.count);
  let seen = 0;
  for (let i = 0; i < histogram.buckets.length; i++) {
    seen += histogram.buckets[i];
    if (seen >= rank) return Math.min(bucketUpperBoundUs(i), histogram.maxUs);
  }
  return histogram.maxUs;
}
