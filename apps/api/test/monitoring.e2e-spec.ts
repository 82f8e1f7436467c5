import { randomUUID } from 'node:crypto';
import { getMetricsFromIterator, PromHistogramData, PromMetric } from 'prom2javascript';
import { MetricsRecorder } from '../src/modules/monitoring/capture/metrics-recorder';
import { MinuteAggregator } from '../src/modules/monitoring/capture/minute-aggregator';
import { emptyHistogram, observe } from '../src/modules/monitoring/histogram/latency-histogram';
import { MetricsRollupService } from '../src/modules/monitoring/rollup/metrics-rollup.service';
import { MinuteRowsStore } from '../src/modules/monitoring/storage/minute-rows.store';
import { SlowSamplesStore } from '../src/modules/monitoring/storage/slow-samples.store';
import { eventually } from './support/eventually';
import {
  ADMIN_ENV,
  createTestApp,
  registerUser,
  SignedInUser,
  signInAdmin,
  TestApp,
} from './support/test-app';

const METRICS_TOKEN = 'scrape-token-for-the-e2e-test';
const ITEM_ROUTE = '/api/v1/transactions/:id';
const ITEM_ENDPOINT = `GET ${ITEM_ROUTE}`;

/** A W3C traceparent with a fresh trace ID. */
function traceparent(): { header: string; traceId: string } {
  const traceId = randomUUID().replace(/-/g, '');
  return { header: `00-${traceId}-00f067aa0ba902b7-01`, traceId };
}

interface MetricRow {
  metric_type: string;
  metric_name: string;
  instance: string;
  aggregation_period: string;
  period_start: Date;
  count: string;
  count_4xx: string;
  count_5xx: string;
  sum_us: string;
  max_us: string;
  buckets: string[];
}

describe('performance metrics: capture, rollups, admin API and Prometheus scrape', () => {
  let testApp: TestApp;
  let admin: SignedInUser;
  let user: SignedInUser;
  let transactionId: string;
  let slowTrace: string;
  let startedAt: string;

  const recorder = () => testApp.app.get(MetricsRecorder);
  const rollups = () => testApp.app.get(MetricsRollupService);
  const rows = (period: string): Promise<MetricRow[]> =>
    testApp.dataSource.query(
      `SELECT metric_type, metric_name, instance, aggregation_period, period_start, count,
         count_4xx, count_5xx, sum_us, max_us, buckets
       FROM performance_metrics WHERE aggregation_period = $1
       ORDER BY metric_type, metric_name, instance, period_start`,
      [period],
    );
  const monitoring = (path: string, who: SignedInUser = admin) =>
    testApp.http.get(`/api/v1/monitoring/${path}`).set(who.auth);

  beforeAll(async () => {
    testApp = await createTestApp({
      ...ADMIN_ENV,
      // Every request is a slow one here, so the slow-request list is deterministic.
      SLOW_REQUEST_MS: '1',
      SLOW_QUERY_MS: '40',
      LOG_PERSIST_LEVEL: 'info',
      LOG_PERSIST_FLUSH_INTERVAL_MS: '50',
      METRICS_TOKEN,
      INSTANCE_ID: 'e2e-instance',
    });
    startedAt = new Date(Date.now() - 60_000).toISOString();
    admin = await signInAdmin(testApp);
    user = await registerUser(testApp, 'metrics');

    // Traffic: a working endpoint, a failing one (404s), refused requests and an unknown route.
    const created = await testApp.http
      .post('/api/v1/transactions')
      .set(user.auth)
      .send({
        amountCents: 1250,
        currency: 'EUR',
        description: 'Lunch',
        type: 'expense',
        occurredOn: '2026-11-20',
      })
      .expect(201);
    transactionId = created.body.id;
    const traced = traceparent();
    slowTrace = traced.traceId;
    await testApp.http
      .get(`/api/v1/transactions/${transactionId}`)
      .set(user.auth)
      .set('traceparent', traced.header)
      .expect(200);
    for (let i = 0; i < 2; i++) {
      await testApp.http.get(`/api/v1/transactions/${transactionId}`).set(user.auth).expect(200);
    }
    for (let i = 0; i < 2; i++) {
      await testApp.http.get(`/api/v1/transactions/${randomUUID()}`).set(user.auth).expect(404);
    }
    await testApp.http.get('/api/v1/transactions').expect(401);
    await testApp.http.get(`/api/v1/no-such-route/${randomUUID()}`).expect(404);

    await recorder().flush();
  });
  afterAll(() => testApp.close());

  it('stores per-minute rows by route template with status classes, never raw URLs', async () => {
    const minute = await rows('1m');
    // The traffic may straddle a minute boundary: add the rows of each series up.
    const totals = (name: string) => {
      const series = minute.filter((row) => row.metric_name === name);
      return {
        rows: series,
        count: series.reduce((sum, row) => sum + Number(row.count), 0),
        count4xx: series.reduce((sum, row) => sum + Number(row.count_4xx), 0),
        count5xx: series.reduce((sum, row) => sum + Number(row.count_5xx), 0),
      };
    };
    const item = totals(ITEM_ENDPOINT);
    expect(item).toMatchObject({ count: 5, count4xx: 2, count5xx: 0 });
    for (const row of item.rows) {
      expect(row).toMatchObject({ metric_type: 'http_request', instance: 'e2e-instance' });
      expect(row.buckets).toHaveLength(62);
      expect(row.buckets.reduce((sum, count) => sum + Number(count), 0)).toBe(Number(row.count));
    }

    const names = minute.map((row) => row.metric_name);
    expect(names).toEqual(
      expect.arrayContaining([
        'POST /api/v1/transactions',
        'GET /api/v1/transactions',
        'GET (unmatched)',
        'POST /api/v1/auth/register',
      ]),
    );
    expect(totals('GET /api/v1/transactions')).toMatchObject({ count: 1, count4xx: 1 });
    // IDs of transactions or unknown routes never become series names.
    expect(names.join('\n')).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    // Queries are timed by statement kind; the monitoring module's own statements are not.
    const kinds = minute.filter((row) => row.metric_type === 'db_query');
    expect(kinds.map((row) => row.metric_name)).toEqual(
      expect.arrayContaining(['SELECT', 'INSERT']),
    );
  });

  it('adds a later flush of the same minute to its row', async () => {
    const writer = testApp.app.get(MinuteRowsStore);
    const aggregator = new MinuteAggregator();
    const minute = Date.now() - 3 * 3_600_000;
    const record = (durationUs: number, status: number) =>
      aggregator.record(
        { metricType: 'http_request', metricName: 'GET /test/flushed-twice', durationUs, status },
        minute,
      );
    record(1_000, 200);
    record(250_000, 500);
    await writer.add('e2e-instance', aggregator.take());
    record(40_000, 404);
    await writer.add('e2e-instance', aggregator.take());
    const [row] = (await rows('1m')).filter((r) => r.metric_name === 'GET /test/flushed-twice');
    expect(row).toMatchObject({
      count: '3',
      count_4xx: '1',
      count_5xx: '1',
      sum_us: '291000',
      max_us: '250000',
    });
    const expected = emptyHistogram();
    for (const us of [1_000, 250_000, 40_000]) observe(expected, us);
    expect(row.buckets.map(Number)).toEqual(expected.buckets);
  });

  it('rolls minutes up into 5-minute, hour and day rows, and running it again changes nothing', async () => {
    await rollups().rollUpAll();
    const snapshot = async () => ({
      fiveMinutes: await rows('5m'),
      hours: await rows('1h'),
      days: await rows('1d'),
    });
    const first = await snapshot();
    for (const period of ['fiveMinutes', 'hours', 'days'] as const) {
      const rolled = first[period].filter((row) => row.metric_name === ITEM_ENDPOINT);
      expect(rolled.reduce((sum, row) => sum + Number(row.count), 0)).toBe(5);
      expect(rolled.every((row) => row.instance === '*')).toBe(true);
    }
    await rollups().rollUpAll();
    await rollups().rollUpAll();
    expect(await snapshot()).toEqual(first);

    // Counts and sums of each period equal those of the finer rows.
    const minute = await rows('1m');
    const total = (list: MetricRow[], field: 'count' | 'sum_us') =>
      list
        .filter((row) => row.metric_type === 'http_request')
        .reduce((sum, row) => sum + Number(row[field]), 0);
    for (const field of ['count', 'sum_us'] as const) {
      expect(total(first.fiveMinutes, field)).toBe(total(minute, field));
      expect(total(first.hours, field)).toBe(total(minute, field));
      expect(total(first.days, field)).toBe(total(minute, field));
    }
  });

  it('picks up minute rows that arrive after a rollup', async () => {
    await rollups().rollUpAll();
    await testApp.http.get(`/api/v1/transactions/${transactionId}`).set(user.auth).expect(200);
    await recorder().flush();
    await rollups().rollUpAll();
    const minuteCount = (await rows('1m'))
      .filter((row) => row.metric_name === ITEM_ENDPOINT)
      .reduce((sum, row) => sum + Number(row.count), 0);
    for (const period of ['5m', '1h', '1d']) {
      const rolled = (await rows(period)).filter((row) => row.metric_name === ITEM_ENDPOINT);
      expect(rolled.reduce((sum, row) => sum + Number(row.count), 0)).toBe(minuteCount);
    }
  });

  it('serves a series per period with count, error rate and percentiles', async () => {
    const name = encodeURIComponent(ITEM_ENDPOINT);
    const response = await monitoring(`metrics?metricType=http_request&name=${name}`).expect(200);
    expect(response.body).toMatchObject({
      metricType: 'http_request',
      name: ITEM_ENDPOINT,
      period: '1m',
    });
    expect(response.body.points.length).toBeGreaterThanOrEqual(60);
    const busy = response.body.points.filter((point: { count: number }) => point.count > 0);
    const count = busy.reduce((sum: number, point: { count: number }) => sum + point.count, 0);
    expect(count).toBe(6);
    for (const point of busy) {
      expect(point.p50Ms).toBeGreaterThan(0);
      expect(point.p50Ms).toBeLessThanOrEqual(point.p95Ms);
      expect(point.p95Ms).toBeLessThanOrEqual(point.p99Ms);
      expect(point.p99Ms).toBeLessThanOrEqual(point.maxMs);
    }
    expect(
      busy.reduce((sum: number, point: { clientErrors: number }) => sum + point.clientErrors, 0),
    ).toBe(2);
    const empty = response.body.points.find((point: { count: number }) => point.count === 0);
    expect(empty).toMatchObject({ errorRate: null, p95Ms: null, maxMs: null });

    const rolled = await monitoring(`metrics?name=${name}&period=5m`).expect(200);
    expect(rolled.body.period).toBe('5m');
    expect(
      rolled.body.points.reduce((sum: number, point: { count: number }) => sum + point.count, 0),
    ).toBe(6);

    const queries = await monitoring('metrics?metricType=db_query').expect(200);
    expect(
      queries.body.points.reduce((sum: number, point: { count: number }) => sum + point.count, 0),
    ).toBeGreaterThan(0);
  });

  it('validates the series query with field-level messages', async () => {
    const reversed = await monitoring(
      'metrics?from=2026-11-21T10:00:00Z&to=2026-11-21T09:00:00Z',
    ).expect(400);
    expect(reversed.body.details.from).toEqual(['from must be before to']);
    const badPeriod = await monitoring('metrics?period=2m').expect(400);
    expect(JSON.stringify(badPeriod.body)).toContain('period');
    const tooFine = await monitoring(
      'metrics?period=1m&from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z',
    ).expect(400);
    expect(tooFine.body.details.period[0]).toMatch(/at most 2000 points/);
    await monitoring('metrics?metricType=cpu').expect(400);
    await monitoring('metrics?extra=1').expect(400);
    const badUser = await monitoring('slow-requests?userId=nobody').expect(400);
    expect(badUser.body.details.userId).toEqual(['userId must be a UUID']);
  });

  it('lists slow requests by route template, each linking to the logs of its trace', async () => {
    const response = await eventually(async () => {
      const page = await monitoring(
        `slow-requests?route=${encodeURIComponent(ITEM_ROUTE)}&traceId=${slowTrace}`,
      ).expect(200);
      expect(page.body.items).toHaveLength(1);
      return page;
    });
    const [slow] = response.body.items;
    expect(slow).toMatchObject({
      method: 'GET',
      route: ITEM_ROUTE,
      statusCode: 200,
      traceId: slowTrace,
      userId: user.id,
      instance: 'e2e-instance',
      logsUrl: `/api/v1/logging/logs?traceId=${slowTrace}`,
    });
    expect(slow.durationMs).toBeGreaterThanOrEqual(1);

    // The link finds the request's own log line.
    const logs = await eventually(async () => {
      const found = await testApp.http.get(slow.logsUrl).set(admin.auth).expect(200);
      expect(found.body.items.length).toBeGreaterThan(0);
      return found;
    });
    expect(logs.body.items).toContainEqual(
      expect.objectContaining({
        traceId: slowTrace,
        module: 'http',
        requestPath: `/api/v1/transactions/${transactionId}`,
        statusCode: 200,
      }),
    );

    // Newest first by default, slowest first on demand, paginated.
    const slowest = await monitoring('slow-requests?sort=slowest&limit=3').expect(200);
    const durations = slowest.body.items.map((item: { durationMs: number }) => item.durationMs);
    expect(durations).toEqual([...durations].sort((a, b) => b - a));
    expect(slowest.body).toMatchObject({ page: 1, limit: 3 });
    expect(slowest.body.total).toBeGreaterThan(3);
    const newest = await monitoring('slow-requests?limit=50').expect(200);
    const times = newest.body.items.map((item: { startedAt: string }) => item.startedAt);
    expect(times).toEqual([...times].sort().reverse());
    const failed = await monitoring('slow-requests?statusCode=404&method=get').expect(200);
    expect(failed.body.items.length).toBeGreaterThan(0);
    for (const item of failed.body.items)
      expect(item).toMatchObject({ statusCode: 404, method: 'GET' });
    expect(failed.body.items.map((item: { route: string }) => item.route)).toContain(ITEM_ROUTE);
    await monitoring('slow-requests?sort=oldest').expect(400);
  });

  it('lists slow queries normalised, with parameters redacted', async () => {
    await testApp.dataSource.query(`SELECT pg_sleep(0.06), $1::text AS secret, 42 AS answer`, [
      'password=hunter2 card 4111 1111 1111 1111',
    ]);
    const page = await eventually(async () => {
      const found = await monitoring('slow-queries?q=pg_sleep').expect(200);
      expect(found.body.items).toHaveLength(1);
      return found;
    });
    const [query] = page.body.items;
    expect(query).toMatchObject({
      kind: 'SELECT',
      statement: 'SELECT pg_sleep(?), $1::text AS secret, ? AS answer',
      endpoint: null,
      traceId: null,
      logsUrl: null,
    });
    expect(query.durationMs).toBeGreaterThanOrEqual(40);
    expect(JSON.stringify(query.params)).not.toContain('4111');
    expect(JSON.stringify(query.params)).not.toContain('hunter2');
  });

  it('filters slow queries by the exact endpoint that ran them', async () => {
    const sample = (route: string | null, statement: string) => ({
      kind: 'query' as const,
      startedAt: new Date().toISOString(),
      traceId: null,
      userId: null,
      route,
      queryKind: 'SELECT',
      statement,
      params: null,
      durationMs: 55,
    });
    await testApp.app
      .get(SlowSamplesStore)
      .write('e2e-instance', [
        sample('GET /api/v1/transactions', 'SELECT ? AS listed'),
        sample('GET /api/v1/transactions/:id', 'SELECT ? AS one_item'),
        sample(null, 'SELECT ? AS from_a_job'),
      ]);

    const endpoint = encodeURIComponent('GET /api/v1/transactions');
    const listed = await monitoring(`slow-queries?endpoint=${endpoint}`).expect(200);
    const statements = listed.body.items.map((item: { statement: string }) => item.statement);
    expect(statements).toContain('SELECT ? AS listed');
    expect(statements).not.toContain('SELECT ? AS one_item');
    expect(statements).not.toContain('SELECT ? AS from_a_job');
    for (const item of listed.body.items) expect(item.endpoint).toBe('GET /api/v1/transactions');
    expect(listed.body.total).toBe(listed.body.items.length);

    const none = await monitoring(`slow-queries?endpoint=${encodeURIComponent('GET /nowhere')}`);
    expect(none.status).toBe(200);
    expect(none.body).toMatchObject({ items: [], total: 0 });

    const tooLong = await monitoring(`slow-queries?endpoint=${'x'.repeat(513)}`).expect(400);
    expect(Object.keys(tooLong.body.details)).toEqual(['endpoint']);
  });

  it('gives error rates per endpoint with the trend against the previous window', async () => {
    const response = await monitoring('error-rates').expect(200);
    expect(response.body.period).toBe('1m');
    const item = response.body.items.find(
      (entry: { endpoint: string }) => entry.endpoint === ITEM_ENDPOINT,
    );
    expect(item).toMatchObject({
      requests: 6,
      clientErrors: 2,
      serverErrors: 0,
      errorRate: 0.3333,
      previousRequests: 0,
      previousErrorRate: null,
      trend: 'new',
    });
    const refused = response.body.items.find(
      (entry: { endpoint: string }) => entry.endpoint === 'GET /api/v1/transactions',
    );
    expect(refused).toMatchObject({ requests: 1, clientErrors: 1, errorRate: 1 });

    // This window against the previous one, which holds the same traffic: steady.
    const to = new Date(Date.now() + 3_600_000);
    const later = await monitoring(
      `error-rates?from=${new Date(Date.now() + 60_000).toISOString()}&to=${to.toISOString()}`,
    ).expect(200);
    expect(later.body.items).toEqual([]);
  });

  it('gives the overview a dashboard header needs', async () => {
    const response = await monitoring(`overview?from=${startedAt}`).expect(200);
    expect(response.body.requests.total).toBeGreaterThanOrEqual(10);
    expect(response.body.requests.clientErrors).toBeGreaterThanOrEqual(4);
    expect(response.body.requests.p95Ms).toBeGreaterThan(0);
    expect(response.body.queries.total).toBeGreaterThan(0);
    expect(response.body.slowRequests).toBeGreaterThanOrEqual(10);
    expect(response.body.slowQueries).toBeGreaterThanOrEqual(1);
    expect(response.body).toMatchObject({
      slowRequestMs: 1,
      slowQueryMs: 40,
      instances: 1,
      busiestEndpoint: expect.objectContaining({ endpoint: ITEM_ENDPOINT }),
      mostFailingEndpoint: expect.objectContaining({ endpoint: ITEM_ENDPOINT, errors: 2 }),
    });
  });

  it('is for admins only', async () => {
    for (const path of ['metrics', 'slow-requests', 'slow-queries', 'error-rates', 'overview']) {
      await monitoring(path, user).expect(403);
      await testApp.http.get(`/api/v1/monitoring/${path}`).expect(401);
    }
  });

  it('serves Prometheus metrics at /metrics behind METRICS_TOKEN, parseable by a real parser', async () => {
    await testApp.http.get('/metrics').expect(401);
    await testApp.http.get('/metrics').set('Authorization', 'Bearer wrong-token').expect(401);
    await testApp.http
      .get('/api/v1/metrics')
      .set('Authorization', `Bearer ${METRICS_TOKEN}`)
      .expect(404);
    const response = await testApp.http
      .get('/metrics')
      .set('Authorization', `Bearer ${METRICS_TOKEN}`)
      .expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const metrics = await getMetricsFromIterator(response.text.split('\n')[Symbol.iterator]());
    const metric = (name: string): PromMetric => {
      const found = metrics[name];
      if (!found) throw new Error(`${name} is not exported`);
      return found;
    };
    const histogram = (name: string): PromHistogramData[] => {
      expect(metric(name).type).toBe('histogram');
      return metric(name).data as PromHistogramData[];
    };
    const values = (name: string) =>
      metric(name).data as { labels: Record<string, string>; value: number }[];

    const http = histogram('http_request_duration_seconds');
    const item = http.find(
      (sample) => sample.labels.route === ITEM_ROUTE && sample.labels.status_code === '200',
    );
    expect(item).toMatchObject({ labels: { method: 'GET' }, count: 4 });
    expect(Object.keys(item?.buckets ?? {})).toEqual(
      expect.arrayContaining(['0.001', '0.1', '1', '100', '+Inf']),
    );
    expect(item?.buckets['+Inf']).toBe(4);
    const failed = http.find(
      (sample) => sample.labels.route === ITEM_ROUTE && sample.labels.status_code === '404',
    );
    expect(failed?.count).toBe(2);
    expect(http.some((sample) => sample.labels.route === '(unmatched)')).toBe(true);
    expect(response.text).not.toContain(transactionId);

    expect(histogram('db_query_duration_seconds').length).toBeGreaterThan(0);
    expect(metric('ledgerlens_queue_depth').type).toBe('gauge');
    expect(
      values('ledgerlens_queue_depth')
        .map((sample) => sample.labels.queue)
        .sort(),
    ).toEqual(['audit', 'logs', 'slow_samples']);
    expect(metric('ledgerlens_queue_dropped_total').type).toBe('counter');
    expect(values('ledgerlens_slow_requests_total')[0].value).toBeGreaterThan(0);
    expect(metric('process_cpu_user_seconds_total').type).toBe('counter');
    expect(metric('nodejs_heap_size_used_bytes').type).toBe('gauge');

    // The scrape does not time itself.
    expect(http.some((sample) => sample.labels.route === '/metrics')).toBe(false);
  });

  it('lists the monitoring routes in the OpenAPI document', async () => {
    const response = await testApp.http.get('/api/docs-json').expect(200);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/monitoring/metrics',
        '/api/v1/monitoring/slow-requests',
        '/api/v1/monitoring/slow-queries',
        '/api/v1/monitoring/error-rates',
        '/api/v1/monitoring/overview',
        '/metrics',
      ]),
    );
  });
});
