import fc from 'fast-check';
import {
  emptyHistogram,
  LatencyHistogram,
  mergeHistograms,
  observe,
  percentileUs,
} from '../histogram/latency-histogram';
import { MinuteAggregator, MinuteCell, minuteStartOf } from './minute-aggregator';

const MINUTE = 60_000;
const FIVE_MINUTES = 5 * MINUTE;
const BASE = Date.UTC(2026, 10, 21, 10, 0, 0);

const sample = fc.record({
  instance: fc.nat(3),
  atMs: fc.integer({ min: BASE, max: BASE + 30 * MINUTE - 1 }),
  route: fc.constantFrom('GET /api/v1/a', 'POST /api/v1/b/:id'),
  durationUs: fc.oneof(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: 3000 })),
  status: fc.constantFrom(200, 201, 204, 400, 404, 500, 503),
  /** Where the instance flushes: before or after this sample. */
  flushBefore: fc.boolean(),
});

function histogramOf(values: number[]): LatencyHistogram {
  const histogram = emptyHistogram();
  for (const value of values) observe(histogram, value);
  return histogram;
}

describe('minute aggregator', () => {
  it('assigns wall-clock minutes', () => {
    expect(minuteStartOf(BASE + 59_999)).toBe(BASE);
    expect(minuteStartOf(BASE + 60_000)).toBe(BASE + 60_000);
  });

  it('rolled up across instances, flushes and minutes, counts and sums are exact and p95 is that of the merged histogram', () => {
    fc.assert(
      fc.property(fc.array(sample, { minLength: 1, maxLength: 400 }), (samples) => {
        const instances = [0, 1, 2, 3].map(() => new MinuteAggregator());
        const stored: MinuteCell[] = [];
        for (const s of samples) {
          if (s.flushBefore) stored.push(...instances[s.instance].take());
          instances[s.instance].record(
            {
              metricType: 'http_request',
              metricName: s.route,
              durationUs: s.durationUs,
              status: s.status,
            },
            s.atMs,
          );
        }
        for (const aggregator of instances) stored.push(...aggregator.take());

        // The 5-minute rollup: every stored minute row of the period, whatever instance or flush.
        const periods = new Map<string, MinuteCell[]>();
        for (const cell of stored) {
          const key = `${cell.metricName} ${cell.minuteStartMs - (cell.minuteStartMs % FIVE_MINUTES)}`;
          periods.set(key, [...(periods.get(key) ?? []), cell]);
        }
        for (const [key, cells] of periods) {
          const [method, route, start] = key.split(' ');
          const raw = samples.filter(
            (s) =>
              s.route === `${method} ${route}` &&
              s.atMs - (s.atMs % FIVE_MINUTES) === Number(start),
          );
          const rolled = mergeHistograms(cells);
          const truth = histogramOf(raw.map((s) => s.durationUs));
          expect(rolled.count).toBe(raw.length);
          expect(rolled.sumUs).toBe(raw.reduce((sum, s) => sum + s.durationUs, 0));
          expect(rolled.maxUs).toBe(truth.maxUs);
          expect(rolled.buckets).toEqual(truth.buckets);
          expect(percentileUs(rolled, 0.95)).toBe(percentileUs(truth, 0.95));
          expect(cells.reduce((sum, cell) => sum + cell.count4xx, 0)).toBe(
            raw.filter((s) => s.status >= 400 && s.status < 500).length,
          );
          expect(cells.reduce((sum, cell) => sum + cell.count5xx, 0)).toBe(
            raw.filter((s) => s.status >= 500).length,
          );
        }
      }),
    );
  });

  it('restores cells whose write failed, added to what came since', () => {
    const aggregator = new MinuteAggregator();
    const record = (durationUs: number, status: number) =>
      aggregator.record(
        { metricType: 'http_request', metricName: 'GET /x', durationUs, status },
        BASE,
      );
    record(1000, 200);
    record(2000, 500);
    const failed = aggregator.take();
    expect(aggregator.size).toBe(0);
    record(3000, 404);
    aggregator.restore(failed);
    const [cell] = aggregator.take();
    expect(cell).toMatchObject({ count: 3, sumUs: 6000, maxUs: 3000, count4xx: 1, count5xx: 1 });
  });
});
