import fc from 'fast-check';
import { MinuteAggregator, MinuteCell } from '../src/modules/monitoring/capture/minute-aggregator';
import {
  emptyHistogram,
  LatencyHistogram,
  mergeHistograms,
  observe,
  percentileUs,
} from '../src/modules/monitoring/histogram/latency-histogram';
import { PERIOD_SECONDS, periodStartOf } from '../src/modules/monitoring/metric-periods';
import { ErrorRatesService } from '../src/modules/monitoring/query/error-rates.service';
import { MetricSeriesService } from '../src/modules/monitoring/query/metric-series.service';
import { MetricsRetentionService } from '../src/modules/monitoring/rollup/metrics-retention.service';
import { MetricsRollupService } from '../src/modules/monitoring/rollup/metrics-rollup.service';
import { MinuteRowsStore } from '../src/modules/monitoring/storage/minute-rows.store';
import { createTestApp, TestApp } from './support/test-app';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const ROUTES = ['GET /api/v1/a', 'POST /api/v1/b/:id', 'DELETE /api/v1/c/:id'];

interface StoredRow {
  metricName: string;
  periodStart: string;
  count: number;
  count4xx: number;
  count5xx: number;
  sumUs: number;
  maxUs: number;
  buckets: number[];
}

function histogramOf(values: number[]): LatencyHistogram {
  const histogram = emptyHistogram();
  for (const value of values) observe(histogram, value);
  return histogram;
}

describe('rollups on PostgreSQL (property)', () => {
  let testApp: TestApp;
  const writer = () => testApp.app.get(MinuteRowsStore);
  const rollups = () => testApp.app.get(MetricsRollupService);

  const stored = (period: string): Promise<StoredRow[]> =>
    testApp.dataSource.query(
      `SELECT metric_name AS "metricName", period_start AS "periodStart", count::float8 AS count,
         count_4xx::float8 AS "count4xx", count_5xx::float8 AS "count5xx",
         sum_us::float8 AS "sumUs", max_us::float8 AS "maxUs", buckets::float8[] AS buckets
       FROM performance_metrics WHERE aggregation_period = $1 ORDER BY 1, 2`,
      [period],
    );

  beforeAll(async () => {
    // Capture off: only what a test writes is in the table.
    testApp = await createTestApp({ METRICS_CAPTURE_ENABLED: 'false' });
  });
  afterAll(() => testApp.close());
  beforeEach(() => testApp.dataSource.query('TRUNCATE performance_metrics, slow_requests'));

  it('rolled up from random durations over random instances and minutes: counts and sums exact, p95 that of the merged histogram, idempotent', async () => {
    // Whole hours back, so every 1d, 1h and 5m period of the samples is closed or current.
    const anchor = Math.floor((Date.now() - 40 * HOUR) / HOUR) * HOUR;
    const sample = fc.record({
      instance: fc.nat(2),
      atMs: fc.integer({ min: anchor, max: anchor + 36 * HOUR - 1 }),
      route: fc.constantFrom(...ROUTES),
      durationUs: fc.oneof(
        fc.integer({ min: 0, max: 3_000 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.integer({ min: 0, max: 120_000_000 }),
      ),
      status: fc.constantFrom(200, 201, 400, 404, 500),
      flushBefore: fc.boolean(),
    });

    await fc.assert(
      fc.asyncProperty(fc.array(sample, { minLength: 1, maxLength: 150 }), async (samples) => {
        await testApp.dataSource.query('TRUNCATE performance_metrics');
        const instances = [0, 1, 2].map(() => new MinuteAggregator());
        const flush = async (index: number) => {
          const cells = instances[index].take();
          await writer().add(`instance-${index}`, cells);
          return cells;
        };
        const minuteCells: MinuteCell[] = [];
        for (const s of samples) {
          if (s.flushBefore) minuteCells.push(...(await flush(s.instance)));
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
        for (const index of [0, 1, 2]) minuteCells.push(...(await flush(index)));

        await rollups().rollUpAll();
        const first = {
          '5m': await stored('5m'),
          '1h': await stored('1h'),
          '1d': await stored('1d'),
        };
        await rollups().rollUpAll();
        for (const period of ['5m', '1h', '1d'] as const) {
          expect(await stored(period)).toEqual(first[period]);
        }

        for (const period of ['5m', '1h', '1d'] as const) {
          const widthMs = PERIOD_SECONDS[period] * 1000;
          const rows = first[period];
          const expectedKeys = new Set(
            samples.map((s) => `${s.route} ${s.atMs - (s.atMs % widthMs)}`),
          );
          expect(rows).toHaveLength(expectedKeys.size);
          for (const row of rows) {
            const start = new Date(row.periodStart).getTime();
            const raw = samples.filter(
              (s) => s.route === row.metricName && s.atMs - (s.atMs % widthMs) === start,
            );
            const truth = histogramOf(raw.map((s) => s.durationUs));
            expect(row.count).toBe(raw.length);
            expect(row.sumUs).toBe(raw.reduce((sum, s) => sum + s.durationUs, 0));
            expect(row.maxUs).toBe(truth.maxUs);
            expect(row.count4xx).toBe(raw.filter((s) => s.status >= 400 && s.status < 500).length);
            expect(row.count5xx).toBe(raw.filter((s) => s.status >= 500).length);
            expect(row.buckets).toEqual(truth.buckets);
            // The p95 of the rolled-up row is that of the merged minute histograms.
            const minutes = minuteCells.filter(
              (cell) =>
                cell.metricName === row.metricName &&
                cell.minuteStartMs - (cell.minuteStartMs % widthMs) === start,
            );
            expect(percentileUs({ ...row }, 0.95)).toBe(
              percentileUs(mergeHistograms(minutes), 0.95),
            );
          }
        }

        // What the API serves for a day of hours: p95 of every route merged, per hour.
        const from = new Date(anchor);
        const series = await testApp.app.get(MetricSeriesService).series({
          metricType: 'http_request',
          period: '1h',
          from: from.toISOString(),
          to: new Date(anchor + 36 * HOUR).toISOString(),
        });
        for (const point of series.points) {
          const start = Date.parse(point.start);
          const raw = samples.filter((s) => s.atMs >= start && s.atMs < start + HOUR);
          const truth = histogramOf(raw.map((s) => s.durationUs));
          expect(point.count).toBe(raw.length);
          const p95 = percentileUs(truth, 0.95);
          expect(point.p95Ms).toBe(p95 === undefined ? null : Math.round(p95) / 1000);
        }
      }),
      { numRuns: 12 },
    );
  }, 180_000);

  it('compares error rates with the window before: rising, falling, steady, new', async () => {
    const end = periodStartOf(new Date(Date.now() - 2 * HOUR), '1m').getTime();
    const start = end - 30 * MINUTE;
    const aggregator = new MinuteAggregator();
    const traffic = (route: string, atMs: number, requests: number, errors: number) => {
      for (let i = 0; i < requests; i++) {
        aggregator.record(
          {
            metricType: 'http_request',
            metricName: route,
            durationUs: 5_000,
            status: i < errors ? 500 : 200,
          },
          atMs,
        );
      }
    };
    traffic('GET /rising', start - 10 * MINUTE, 10, 1);
    traffic('GET /rising', start + 10 * MINUTE, 10, 5);
    traffic('GET /falling', start - 5 * MINUTE, 10, 5);
    traffic('GET /falling', start + 5 * MINUTE, 10, 0);
    traffic('GET /steady', start - 20 * MINUTE, 10, 1);
    traffic('GET /steady', start + 20 * MINUTE, 20, 2);
    traffic('GET /new', start + 1 * MINUTE, 4, 1);
    traffic('GET /gone', start - 1 * MINUTE, 4, 4);
    await writer().add('instance-0', aggregator.take());

    const rates = await testApp.app.get(ErrorRatesService).errorRates({
      from: new Date(start).toISOString(),
      to: new Date(end).toISOString(),
    });
    expect(rates).toMatchObject({
      period: '1m',
      from: new Date(start).toISOString(),
      previousFrom: new Date(start - 30 * MINUTE).toISOString(),
    });
    const byEndpoint = Object.fromEntries(rates.items.map((item) => [item.endpoint, item]));
    expect(Object.keys(byEndpoint).sort()).toEqual([
      'GET /falling',
      'GET /new',
      'GET /rising',
      'GET /steady',
    ]);
    expect(byEndpoint['GET /rising']).toMatchObject({
      requests: 10,
      serverErrors: 5,
      errorRate: 0.5,
      previousErrorRate: 0.1,
      errorRateChange: 0.4,
      trend: 'rising',
    });
    expect(byEndpoint['GET /falling']).toMatchObject({
      errorRate: 0,
      previousErrorRate: 0.5,
      trend: 'falling',
    });
    expect(byEndpoint['GET /steady']).toMatchObject({
      requests: 20,
      errorRate: 0.1,
      trend: 'steady',
    });
    expect(byEndpoint['GET /new']).toMatchObject({
      previousRequests: 0,
      previousErrorRate: null,
      trend: 'new',
    });
    // Most errors first.
    expect(rates.items[0].endpoint).toBe('GET /rising');
  });

  it('applies retention per period and never rebuilds a period whose finer rows may be gone', async () => {
    const aggregator = new MinuteAggregator();
    const at = (daysAgo: number) => Date.now() - daysAgo * DAY;
    const record = (atMs: number) =>
      aggregator.record({ metricType: 'db_query', metricName: 'SELECT', durationUs: 800 }, atMs);
    record(at(8)); // past minute retention (7 days), as if it arrived late
    record(at(1));
    await writer().add('instance-0', aggregator.take());
    await rollups().rollUp('5m');
    const fiveMinutes = await stored('5m');
    expect(fiveMinutes).toHaveLength(1);
    expect(Date.now() - new Date(fiveMinutes[0].periodStart).getTime()).toBeLessThan(2 * DAY);

    // Rows of each period, just past and just within their retention.
    await testApp.dataSource.query(
      `INSERT INTO performance_metrics (metric_type, metric_name, instance, aggregation_period,
         period_start, period_end, value, count, sum_us, max_us, buckets)
       SELECT 'db_query', 'OTHER', 'x', p.period, now() - p.days * interval '1 day',
         now() - p.days * interval '1 day' + interval '1 minute', 1, 1, 1000, 1000,
         array_fill(0::bigint, ARRAY[62])
       FROM (VALUES ('1m', 7.5), ('1m', 6.5), ('5m', 30.5), ('5m', 29.5), ('1h', 365.5),
                    ('1h', 364.5), ('1d', 2000)) AS p(period, days)`,
    );
    await testApp.dataSource.query(
      `INSERT INTO slow_requests (started_at, method, route, status_code, duration_ms, instance)
       VALUES (now() - interval '31 days', 'GET', '/old', 200, 1500, 'x'),
              (now() - interval '29 days', 'GET', '/recent', 200, 1500, 'x')`,
    );
    const removed = await testApp.app.get(MetricsRetentionService).apply();
    expect(removed).toEqual({
      metrics: { '1m': 2, '5m': 1, '1h': 1 },
      slowRequests: 1,
      slowQueries: 0,
    });
    const left = await testApp.dataSource.query(
      `SELECT aggregation_period AS period, count(*)::int AS n FROM performance_metrics
       WHERE metric_name = 'OTHER' GROUP BY 1 ORDER BY 1`,
    );
    expect(left).toEqual([
      { period: '1d', n: 1 },
      { period: '1h', n: 1 },
      { period: '1m', n: 1 },
      { period: '5m', n: 1 },
    ]);
  });

  it('captures nothing with METRICS_CAPTURE_ENABLED=false, and serves /metrics without a token when none is set', async () => {
    await testApp.http.get('/api/v1/health').expect(200);
    await testApp.http.get('/api/v1/transactions').expect(401);
    const scrape = await testApp.http.get('/metrics').expect(200);
    expect(scrape.text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(scrape.text).not.toContain('route="/api/v1/health"');
    const [{ n }] = await testApp.dataSource.query(
      `SELECT count(*)::int AS n FROM performance_metrics`,
    );
    expect(n).toBe(0);
  });
});
