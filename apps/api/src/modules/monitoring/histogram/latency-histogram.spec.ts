import fc from 'fast-check';
import { LATENCY_BUCKET_BOUNDS_US, LATENCY_BUCKET_COUNT } from '@ledgerlens/contracts';
import {
  bucketIndexOf,
  bucketUpperBoundUs,
  emptyHistogram,
  LatencyHistogram,
  mergeHistograms,
  microsecondsOf,
  nearestRank,
  observe,
  percentileUs,
} from './latency-histogram';

/** Durations from sub-millisecond to past the last bound, spread over the log scale. */
const durationUs = fc.oneof(
  fc.integer({ min: 0, max: 2_000 }),
  fc.integer({ min: 0, max: 200_000 }),
  fc.integer({ min: 0, max: 150_000_000 }),
  fc.constantFrom(...LATENCY_BUCKET_BOUNDS_US, ...LATENCY_BUCKET_BOUNDS_US.map((b) => b + 1)),
);
const durations = fc.array(durationUs, { minLength: 1, maxLength: 300 });
const fraction = fc.constantFrom(0.5, 0.9, 0.95, 0.99, 1);

/** The widest step between bounds (125 → 160 µs·10ⁿ): how far above the truth an answer may be. */
const WIDEST_STEP = Math.max(
  ...LATENCY_BUCKET_BOUNDS_US.slice(1).map((bound, i) => bound / LATENCY_BUCKET_BOUNDS_US[i]),
);

const LAST_BOUND_US = LATENCY_BUCKET_BOUNDS_US[LATENCY_BUCKET_BOUNDS_US.length - 1];

function histogramOf(values: number[]): LatencyHistogram {
  const histogram = emptyHistogram();
  for (const value of values) observe(histogram, value);
  return histogram;
}

/** The nearest-rank percentile of the raw values. */
function exactPercentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[nearestRank(q, sorted.length) - 1];
}

describe('latency histogram', () => {
  it('has 62 fixed log-scale buckets from 100 µs to 100 s, 26–28% apart', () => {
    expect(LATENCY_BUCKET_BOUNDS_US).toHaveLength(61);
    expect(LATENCY_BUCKET_COUNT).toBe(62);
    expect(LATENCY_BUCKET_BOUNDS_US[0]).toBe(100);
    expect(LATENCY_BUCKET_BOUNDS_US[60]).toBe(100_000_000);
    for (let i = 1; i < LATENCY_BUCKET_BOUNDS_US.length; i++) {
      const ratio = LATENCY_BUCKET_BOUNDS_US[i] / LATENCY_BUCKET_BOUNDS_US[i - 1];
      expect(ratio).toBeGreaterThan(1.2);
      expect(ratio).toBeLessThanOrEqual(1.28);
      expect(Number.isInteger(LATENCY_BUCKET_BOUNDS_US[i])).toBe(true);
    }
  });

  it('puts a duration in the first bucket whose upper bound it does not exceed', () => {
    fc.assert(
      fc.property(durationUs, (us) => {
        const index = bucketIndexOf(us);
        expect(us).toBeLessThanOrEqual(bucketUpperBoundUs(index));
        if (index > 0) expect(us).toBeGreaterThan(bucketUpperBoundUs(index - 1));
      }),
    );
    expect(bucketIndexOf(0)).toBe(0);
    expect(bucketIndexOf(100)).toBe(0);
    expect(bucketIndexOf(101)).toBe(1);
    expect(bucketIndexOf(1_000_000)).toBe(bucketIndexOf(999_999));
    expect(bucketIndexOf(1_000_001)).toBe(bucketIndexOf(1_000_000) + 1);
    expect(bucketIndexOf(100_000_001)).toBe(61);
  });

  it('rounds milliseconds to whole microseconds', () => {
    expect(microsecondsOf(1.2345)).toBe(1235);
    expect(microsecondsOf(-1)).toBe(0);
  });

  it('merges exactly: the histogram of all values equals the merge of any split of them', () => {
    fc.assert(
      fc.property(durations, fc.array(fc.nat(5), { maxLength: 300 }), (values, parts) => {
        const groups: number[][] = [[], [], [], [], [], []];
        values.forEach((value, i) => groups[parts[i] ?? 0].push(value));
        const merged = mergeHistograms(groups.map(histogramOf));
        const whole = histogramOf(values);
        expect(merged).toEqual(whole);
        expect(merged.count).toBe(values.length);
        expect(merged.sumUs).toBe(values.reduce((sum, value) => sum + value, 0));
        expect(merged.maxUs).toBe(Math.max(...values));
      }),
    );
  });

  it('merging is order-independent', () => {
    fc.assert(
      fc.property(fc.array(durations, { minLength: 1, maxLength: 6 }), (groups) => {
        const histograms = groups.map(histogramOf);
        expect(mergeHistograms([...histograms].reverse())).toEqual(mergeHistograms(histograms));
      }),
    );
  });

  it('answers a percentile as the upper bound of the bucket of the exact one, capped by the max', () => {
    fc.assert(
      fc.property(durations, fraction, (values, q) => {
        const exact = exactPercentile(values, q);
        const max = Math.max(...values);
        const estimate = percentileUs(histogramOf(values), q);
        expect(estimate).toBe(Math.min(bucketUpperBoundUs(bucketIndexOf(exact)), max));
        // Never below the truth, at most one bucket (≤ 28%) above it; past the last bound the
        // only bucket left is open-ended, so the answer is the maximum.
        expect(estimate).toBeGreaterThanOrEqual(exact);
        if (exact > LAST_BOUND_US) expect(estimate).toBe(max);
        else expect(estimate).toBeLessThanOrEqual(Math.max(exact * WIDEST_STEP, 100));
      }),
    );
  });

  it('gives no percentile for an empty histogram, and the max for 100%', () => {
    expect(percentileUs(emptyHistogram(), 0.95)).toBeUndefined();
    expect(percentileUs(histogramOf([3, 7_000, 42_000]), 1)).toBe(42_000);
  });

  it('computes nearest ranks without floating-point slips', () => {
    expect(nearestRank(0.95, 20)).toBe(19);
    expect(nearestRank(0.95, 21)).toBe(20);
    expect(nearestRank(0.5, 1)).toBe(1);
    expect(nearestRank(0.99, 100)).toBe(99);
  });
});
