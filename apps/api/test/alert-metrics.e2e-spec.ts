import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { ALERT_METRICS, LOG_LEVELS, LOG_SEVERITY_NUMBERS, LogLevel } from '@ledgerlens/contracts';
import { AlertEvaluator } from '../src/modules/alerts/evaluation/alert-evaluator';
import {
  byFamily,
  Measured,
  Measurements,
  MetricReaders,
} from '../src/modules/alerts/evaluation/metric-readers';
import type { AlertRule } from '../src/modules/alerts/rules/alert-rule';
import { FAMILY_OF, GROUP_BY_OF } from '../src/modules/alerts/rules/metric-kinds';
import {
  emptyHistogram,
  microsecondsOf,
  observe,
} from '../src/modules/monitoring/histogram/latency-histogram';
import { ADMIN_ENV, createTestApp, SignedInUser, signInAdmin, TestApp } from './support/test-app';

/**
 * What alert rules measure, read from rows as the capture paths write them: request
 * histograms merged over instances and minutes, slow requests and queries, exceptions, new
 * exception groups and stored logs, each with its filters and group-by; many rules read in one
 * query per family; a family whose query fails; no data. Every test uses its own instants, far
 * from the wall clock, so the rows of one never fall in another's window.
 */
describe('alert metrics on PostgreSQL', () => {
  let testApp: TestApp;
  let admin: SignedInUser;
  const readers = () => testApp.app.get(MetricReaders);
  const evaluator = () => testApp.app.get(AlertEvaluator);

  beforeAll(async () => {
    // Capture off: only the rows a test writes are measured.
    testApp = await createTestApp({ ...ADMIN_ENV, METRICS_CAPTURE_ENABLED: 'false' });
    admin = await signInAdmin(testApp);
    await seedReaderData(T);
  }, 60_000);
  afterAll(() => testApp?.close());

  const MINUTE = 60_000;
  /** The instant the reader tests measure at; their rows lie in the minutes before it. */
  const T = new Date('2031-05-01T12:00:00.000Z');
  const minutesFrom = (base: Date, minutes: number) => new Date(base.getTime() + minutes * MINUTE);
  const times = (count: number, durationMs: number) => new Array<number>(count).fill(durationMs);

  const TX = '/api/v1/transactions';
  const BUDGETS = '/api/v1/budgets';

  // ---- rows, as the capture paths write them --------------------------------------------------

  interface RequestRows {
    name: string;
    instance?: string;
    minute: number;
    durationsMs: number[];
    count5xx?: number;
    period?: '1m' | '5m';
    type?: 'http_request' | 'db_query';
  }

  async function insertRequests(base: Date, rows: RequestRows[]): Promise<void> {
    for (const row of rows) {
      const histogram = emptyHistogram();
      for (const durationMs of row.durationsMs) observe(histogram, microsecondsOf(durationMs));
      const start = minutesFrom(base, row.minute);
      await testApp.dataSource.query(
        `INSERT INTO performance_metrics (metric_type, metric_name, instance, aggregation_period,
           period_start, period_end, value, unit, count, count_4xx, count_5xx, sum_us, max_us,
           buckets)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'ms', $8, 0, $9, $10, $11, $12)`,
        [
          row.type ?? 'http_request',
          row.name,
          row.instance ?? 'api-a',
          row.period ?? '1m',
          start,
          new Date(start.getTime() + (row.period === '5m' ? 5 : 1) * MINUTE),
          histogram.sumUs / 1000 / histogram.count,
          histogram.count,
          row.count5xx ?? 0,
          histogram.sumUs,
          histogram.maxUs,
          histogram.buckets,
        ],
      );
    }
  }

  async function insertSlowRequests(
    base: Date,
    rows: { minute: number; method: string; route: string }[],
  ): Promise<void> {
    for (const row of rows) {
      await testApp.dataSource.query(
        `INSERT INTO slow_requests (started_at, method, route, status_code, duration_ms, instance)
         VALUES ($1, $2, $3, 200, 1500, 'api-a')`,
        [minutesFrom(base, row.minute), row.method, row.route],
      );
    }
  }

  async function insertSlowQueries(
    base: Date,
    rows: { minute: number; route: string | null }[],
  ): Promise<void> {
    for (const row of rows) {
      await testApp.dataSource.query(
        `INSERT INTO slow_queries (started_at, route, kind, statement, duration_ms, instance)
         VALUES ($1, $2, 'select', 'SELECT * FROM transactions WHERE user_id = $1', 700, 'api-a')`,
        [minutesFrom(base, row.minute), row.route],
      );
    }
  }

  async function insertExceptionGroup(
    base: Date,
    group: {
      level: 'error' | 'fatal';
      source: 'backend' | 'frontend';
      firstSeenMinute: number;
      counts: [minute: number, count: number][];
    },
  ): Promise<void> {
    const total = group.counts.reduce((sum, [, count]) => sum + count, 0);
    const [{ id }] = await testApp.dataSource.query(
      `INSERT INTO exception_groups (fingerprint, title, type, level, source, count, first_seen,
         last_seen)
       VALUES ($1, 'TypeError: x is undefined', 'TypeError', $2, $3, $4, $5, $6) RETURNING id`,
      [
        randomUUID().replace(/-/g, ''),
        group.level,
        group.source,
        total,
        minutesFrom(base, group.firstSeenMinute),
        minutesFrom(base, Math.max(...group.counts.map(([minute]) => minute))),
      ],
    );
    for (const [minute, count] of group.counts) {
      await testApp.dataSource.query(
        `INSERT INTO exception_counts (group_id, bucket_start, count) VALUES ($1, $2, $3)`,
        [id, minutesFrom(base, minute), count],
      );
    }
  }

  async function insertLogs(
    base: Date,
    rows: {
      minute: number;
      level: LogLevel;
      source: 'backend' | 'frontend';
      module: string | null;
      message: string;
    }[],
  ): Promise<void> {
    // Day partitions are made by the log writer as it writes; these rows bypass it.
    await testApp.dataSource.query(`SELECT app_logs_ensure_partition($1::date)`, [
      base.toISOString().slice(0, 10),
    ]);
    for (const row of rows) {
      await testApp.dataSource.query(
        `INSERT INTO app_logs (logged_at, level, severity_number, source, module, message)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          minutesFrom(base, row.minute),
          row.level,
          LOG_SEVERITY_NUMBERS[row.level],
          row.source,
          row.module,
          row.message,
        ],
      );
    }
  }

  /**
   * The rows every reader test measures at T (window 300 s: 11:55 to 12:00). Rows at minute −6
   * and earlier are outside it and would change every value if they were counted.
   */
  async function seedReaderData(base: Date): Promise<void> {
    await insertRequests(base, [
      // GET /api/v1/transactions, 100 requests over two instances and three minutes:
      // ranks 1–40 at 10 ms, 41–60 at 16, 61–90 at 25, 91–95 at 50, 96–98 at 100, 99–100 at 400.
      { name: `GET ${TX}`, instance: 'api-a', minute: -4, durationsMs: times(40, 10), count5xx: 2 },
      { name: `GET ${TX}`, instance: 'api-b', minute: -4, durationsMs: times(20, 16) },
      {
        name: `GET ${TX}`,
        instance: 'api-a',
        minute: -2,
        durationsMs: [...times(30, 25), ...times(5, 50)],
      },
      {
        name: `GET ${TX}`,
        instance: 'api-b',
        minute: -1,
        durationsMs: [...times(3, 100), ...times(2, 400)],
        count5xx: 3,
      },
      {
        name: `POST ${TX}`,
        instance: 'api-a',
        minute: -3,
        durationsMs: times(10, 800),
        count5xx: 10,
      },
      { name: `GET ${BUDGETS}`, instance: 'api-b', minute: -2, durationsMs: times(20, 10) },
      // Outside the window, a rollup of rows already counted, and database timings: never read.
      { name: `GET ${TX}`, minute: -6, durationsMs: times(200, 5000), count5xx: 200 },
      { name: `GET ${TX}`, instance: '*', period: '5m', minute: -5, durationsMs: times(100, 5000) },
      {
        name: 'SELECT * FROM "transactions"',
        type: 'db_query',
        minute: -1,
        durationsMs: times(50, 1000),
      },
    ]);
    await insertSlowRequests(base, [
      { minute: -1, method: 'GET', route: TX },
      { minute: -2, method: 'GET', route: TX },
      { minute: -3, method: 'POST', route: TX },
      { minute: -4, method: 'GET', route: BUDGETS },
      { minute: -10, method: 'GET', route: TX },
    ]);
    // As captured: the endpoint that ran the query, method first; none outside a request.
    await insertSlowQueries(base, [
      { minute: -1, route: `GET ${TX}` },
      { minute: -2, route: `POST ${TX}` },
      { minute: -3, route: null },
      { minute: -4, route: `GET ${BUDGETS}` },
      { minute: -7, route: `GET ${TX}` },
    ]);
    await insertExceptionGroup(base, {
      level: 'error',
      source: 'backend',
      firstSeenMinute: -60,
      counts: [
        [-1, 3],
        [-2, 2],
        [-8, 50],
      ],
    });
    await insertExceptionGroup(base, {
      level: 'fatal',
      source: 'backend',
      firstSeenMinute: -3,
      counts: [[-3, 1]],
    });
    await insertExceptionGroup(base, {
      level: 'error',
      source: 'frontend',
      firstSeenMinute: -2,
      counts: [[-2, 5]],
    });
    await insertExceptionGroup(base, {
      level: 'fatal',
      source: 'frontend',
      firstSeenMinute: -20,
      counts: [
        [-4, 2],
        [-15, 7],
      ],
    });
    await insertLogs(base, [
      {
        minute: -1,
        level: 'error',
        source: 'backend',
        module: 'PaymentsService',
        message: 'Payment gateway timeout after 30s',
      },
      {
        minute: -1,
        level: 'warn',
        source: 'backend',
        module: 'PaymentsService',
        message: 'Retrying payment: TIMEOUT',
      },
      {
        minute: -1,
        level: 'info',
        source: 'backend',
        module: 'FilesService',
        message: 'wrote C:\\tmp\\export.csv',
      },
      {
        minute: -2,
        level: 'info',
        source: 'backend',
        module: 'ImportService',
        message: 'import 100%_done',
      },
      {
        minute: -2,
        level: 'info',
        source: 'backend',
        module: 'ImportService',
        message: 'import 100% done',
      },
      {
        minute: -2,
        level: 'info',
        source: 'backend',
        module: 'ImportService',
        message: 'import 1000_done',
      },
      {
        minute: -3,
        level: 'fatal',
        source: 'frontend',
        module: null,
        message: 'Unhandled rejection: Timeout',
      },
      {
        minute: -3,
        level: 'debug',
        source: 'frontend',
        module: 'Router',
        message: 'route changed',
      },
      {
        minute: -4,
        level: 'error',
        source: 'frontend',
        module: 'Router',
        message: 'chunk load failed',
      },
      {
        minute: -9,
        level: 'error',
        source: 'backend',
        module: 'PaymentsService',
        message: 'old timeout',
      },
    ]);
  }

  // ---- rules and readings -----------------------------------------------------------------------

  function rule(fields: Partial<AlertRule> & Pick<AlertRule, 'metricType'>): AlertRule {
    return {
      id: randomUUID(),
      name: `rule ${fields.metricType}`,
      description: '',
      severity: 'warning',
      labels: {},
      annotations: {},
      enabled: true,
      filters: {},
      groupBy: null,
      operator: '>',
      threshold: 0,
      windowSeconds: 300,
      intervalSeconds: 60,
      pendingSeconds: 0,
      keepFiringSeconds: 0,
      noDataState: 'nodata',
      notification: {
        contactPointIds: [],
        groupWaitSeconds: 30,
        groupIntervalSeconds: 300,
        repeatIntervalSeconds: 14_400,
        sendResolved: true,
      },
      ...fields,
    };
  }

  const plain = (measured: Map<string, Measured> | undefined) =>
    Object.fromEntries(
      [...(measured ?? new Map<string, Measured>())].sort(([a], [b]) => (a < b ? -1 : 1)),
    );

  /** Each rule's measurement, all rules read together as one cycle does (one read per family). */
  async function readCycle(rules: readonly AlertRule[], now = T) {
    const all: Measurements = new Map();
    await Promise.all(
      [...byFamily(rules)].map(async ([family, members]) => {
        for (const [id, measured] of await readers().read(family, members, now))
          all.set(id, measured);
      }),
    );
    return rules.map((each) => plain(all.get(each.id)));
  }

  /** The value of a rule without group-by (undefined: no data in the window). */
  const whole = (value: number | undefined) =>
    value === undefined ? {} : { '': { labels: {}, value } };

  // ---- the requests family ----------------------------------------------------------------------

  it('merges request histograms of several instances and minutes inside the window', async () => {
    const get = { route: TX, method: 'GET' };
    const rules = [
      rule({ metricType: 'p50_latency_ms', filters: get }),
      rule({ metricType: 'p95_latency_ms', filters: get }),
      rule({ metricType: 'p99_latency_ms', filters: get }),
      rule({ metricType: 'error_rate', filters: get }),
      rule({ metricType: 'request_rate', filters: get }),
      // Only the last minute: the rows of api-b at 12:59 (3 × 100 ms, 2 × 400 ms).
      rule({ metricType: 'p50_latency_ms', filters: get, windowSeconds: 60 }),
      rule({ metricType: 'request_rate', filters: get, windowSeconds: 60 }),
      rule({ metricType: 'error_rate', filters: get, windowSeconds: 60 }),
    ];
    expect(await readCycle(rules)).toEqual([
      whole(16),
      whole(50),
      whole(400),
      whole(0.05),
      whole(100 / 300),
      whole(100),
      whole(5 / 60),
      whole(3 / 5),
    ]);
  });

  it('filters requests by route and by method, and measures all requests without filters', async () => {
    const route = { route: TX };
    const post = { method: 'POST' };
    const rules = [
      // GET and POST of the transactions route: 110 requests, 15 of them 5xx.
      rule({ metricType: 'p50_latency_ms', filters: route }),
      rule({ metricType: 'p99_latency_ms', filters: route }),
      rule({ metricType: 'error_rate', filters: route }),
      rule({ metricType: 'request_rate', filters: route }),
      // Every POST: the 10 failing 800 ms requests.
      rule({ metricType: 'p50_latency_ms', filters: post }),
      rule({ metricType: 'error_rate', filters: post }),
      rule({ metricType: 'request_rate', filters: post }),
      // Everything (130 requests): rank 65 is 16 ms, rank 124 is in the 800 ms bucket.
      rule({ metricType: 'p50_latency_ms' }),
      rule({ metricType: 'p95_latency_ms' }),
      rule({ metricType: 'error_rate' }),
      rule({ metricType: 'request_rate' }),
    ];
    expect(await readCycle(rules)).toEqual([
      whole(16),
      whole(800),
      whole(15 / 110),
      whole(110 / 300),
      whole(800),
      whole(1),
      whole(10 / 300),
      whole(16),
      whole(800),
      whole(15 / 130),
      whole(130 / 300),
    ]);
  });

  it('gives one instance per METHOD route with route and method labels when grouped by route', async () => {
    const [p95, errors, rate] = await readCycle([
      rule({ metricType: 'p95_latency_ms', groupBy: 'route' }),
      rule({ metricType: 'error_rate', groupBy: 'route' }),
      rule({ metricType: 'request_rate', groupBy: 'route', filters: { method: 'GET' } }),
    ]);
    const labels: Record<string, { route: string; method: string }> = {
      [`GET ${BUDGETS}`]: { route: BUDGETS, method: 'GET' },
      [`GET ${TX}`]: { route: TX, method: 'GET' },
      [`POST ${TX}`]: { route: TX, method: 'POST' },
    };
    const instances = (values: Record<string, number>) =>
      Object.fromEntries(
        Object.entries(values).map(([key, value]) => [key, { labels: labels[key], value }]),
      );
    expect(p95).toEqual(
      instances({ [`GET ${BUDGETS}`]: 10, [`GET ${TX}`]: 50, [`POST ${TX}`]: 800 }),
    );
    expect(errors).toEqual(
      instances({ [`GET ${BUDGETS}`]: 0, [`GET ${TX}`]: 0.05, [`POST ${TX}`]: 1 }),
    );
    expect(rate).toEqual(instances({ [`GET ${BUDGETS}`]: 20 / 300, [`GET ${TX}`]: 100 / 300 }));
  });

  it('has no latency or error rate without requests, but a request rate of 0', async () => {
    const quiet = { route: '/api/v1/categories' };
    const rules = [
      rule({ metricType: 'p95_latency_ms', filters: quiet }),
      rule({ metricType: 'error_rate', filters: quiet }),
      rule({ metricType: 'request_rate', filters: quiet }),
    ];
    expect(await readCycle(rules)).toEqual([{}, {}, {}]);
    const previews = await Promise.all(rules.map((each) => evaluator().preview(each, T)));
    expect(previews.map(({ instances, error }) => ({ instances, error }))).toEqual(
      [
        { state: 'nodata', value: null },
        { state: 'nodata', value: null },
        { state: 'normal', value: 0 },
      ].map((expected) => ({
        instances: [expect.objectContaining({ key: '', labels: {}, ...expected })],
        error: null,
      })),
    );
  });

  // ---- the count families -----------------------------------------------------------------------

  it('counts slow requests and slow queries by route, and groups them by route', async () => {
    const rules = [
      rule({ metricType: 'slow_request_count' }),
      rule({ metricType: 'slow_request_count', filters: { route: TX } }),
      rule({ metricType: 'slow_request_count', filters: { route: TX, method: 'GET' } }),
      rule({ metricType: 'slow_request_count', filters: { route: '/api/v1/categories' } }),
      rule({ metricType: 'slow_request_count', groupBy: 'route' }),
      rule({ metricType: 'slow_query_count' }),
      rule({ metricType: 'slow_query_count', filters: { route: TX } }),
      rule({ metricType: 'slow_query_count', filters: { route: TX, method: 'POST' } }),
      rule({ metricType: 'slow_query_count', groupBy: 'route' }),
    ];
    expect(await readCycle(rules)).toEqual([
      whole(4),
      whole(3),
      whole(2),
      {},
      {
        [`GET ${BUDGETS}`]: { labels: { route: BUDGETS, method: 'GET' }, value: 1 },
        [`GET ${TX}`]: { labels: { route: TX, method: 'GET' }, value: 2 },
        [`POST ${TX}`]: { labels: { route: TX, method: 'POST' }, value: 1 },
      },
      whole(4),
      whole(2),
      whole(1),
      {
        '(none)': { labels: { route: '(none)' }, value: 1 },
        [`GET ${BUDGETS}`]: { labels: { route: BUDGETS, method: 'GET' }, value: 1 },
        [`GET ${TX}`]: { labels: { route: TX, method: 'GET' }, value: 1 },
        [`POST ${TX}`]: { labels: { route: TX, method: 'POST' }, value: 1 },
      },
    ]);
    // A count without rows is 0, not missing data.
    const [empty] = await Promise.all([evaluator().preview(rules[3], T)]);
    expect(empty.instances).toEqual([
      expect.objectContaining({ key: '', state: 'normal', value: 0 }),
    ]);
  });

  it('counts exceptions by source and level (fatal only), and new exception groups', async () => {
    const rules = [
      rule({ metricType: 'exception_count' }),
      rule({ metricType: 'exception_count', filters: { source: 'backend' } }),
      rule({ metricType: 'exception_count', filters: { level: 'fatal' } }),
      rule({ metricType: 'exception_count', filters: { level: 'error' } }),
      rule({ metricType: 'exception_count', filters: { source: 'frontend', level: 'fatal' } }),
      rule({ metricType: 'exception_count', groupBy: 'source' }),
      rule({ metricType: 'exception_count', groupBy: 'source', filters: { level: 'fatal' } }),
      rule({ metricType: 'new_exception_group' }),
      rule({ metricType: 'new_exception_group', filters: { source: 'frontend' } }),
      rule({ metricType: 'new_exception_group', groupBy: 'source' }),
      // 25 minutes back reaches the fatal frontend group first seen 20 minutes ago.
      rule({ metricType: 'new_exception_group', windowSeconds: 1500 }),
    ];
    const bySource = (backend: number, frontend: number) => ({
      backend: { labels: { source: 'backend' }, value: backend },
      frontend: { labels: { source: 'frontend' }, value: frontend },
    });
    expect(await readCycle(rules)).toEqual([
      whole(13),
      whole(6),
      whole(3),
      whole(13),
      whole(2),
      bySource(6, 7),
      bySource(1, 2),
      whole(2),
      whole(1),
      bySource(1, 1),
      whole(3),
    ]);
  });

  it('counts logs from a level up, by source, module and literal case-insensitive text, grouped', async () => {
    const rules = [
      rule({ metricType: 'log_count' }),
      rule({ metricType: 'log_count', filters: { level: 'warn' } }),
      rule({ metricType: 'log_count', filters: { level: 'error' } }),
      rule({ metricType: 'log_count', filters: { source: 'frontend' } }),
      rule({ metricType: 'log_count', filters: { module: 'PaymentsService' } }),
      rule({ metricType: 'log_count', filters: { text: 'timeout' } }),
      rule({ metricType: 'log_count', filters: { text: 'TIMEOUT', level: 'error' } }),
      // Literal: neither `100% done` nor `1000_done` matches `100%_done`.
      rule({ metricType: 'log_count', filters: { text: '100%_done' } }),
      rule({ metricType: 'log_count', filters: { text: '100%', module: 'ImportService' } }),
      rule({ metricType: 'log_count', filters: { text: 'c:\\TMP\\' } }),
      rule({ metricType: 'log_count', filters: { text: '_' } }),
      rule({ metricType: 'log_count', filters: { module: 'Nobody' } }),
      rule({ metricType: 'log_count', groupBy: 'module' }),
      rule({ metricType: 'log_count', groupBy: 'source', filters: { level: 'error' } }),
    ];
    expect(await readCycle(rules)).toEqual([
      whole(9),
      whole(4),
      whole(3),
      whole(3),
      whole(2),
      whole(3),
      whole(2),
      whole(1),
      whole(2),
      whole(1),
      whole(2),
      {},
      {
        '(none)': { labels: { module: '(none)' }, value: 1 },
        FilesService: { labels: { module: 'FilesService' }, value: 1 },
        ImportService: { labels: { module: 'ImportService' }, value: 3 },
        PaymentsService: { labels: { module: 'PaymentsService' }, value: 2 },
        Router: { labels: { module: 'Router' }, value: 2 },
      },
      {
        backend: { labels: { source: 'backend' }, value: 1 },
        frontend: { labels: { source: 'frontend' }, value: 2 },
      },
    ]);
  });

  // ---- many rules at once -----------------------------------------------------------------------

  const ROUTE_CHOICES = [TX, BUDGETS, '/api/v1/categories'];
  const filtersOf: Record<string, fc.Arbitrary<AlertRule['filters']>> = {
    requests: fc.record(
      { route: fc.constantFrom(...ROUTE_CHOICES), method: fc.constantFrom('GET', 'POST') },
      { requiredKeys: [] },
    ),
    slow_requests: fc.record(
      { route: fc.constantFrom(...ROUTE_CHOICES), method: fc.constantFrom('GET', 'POST') },
      { requiredKeys: [] },
    ),
    slow_queries: fc.record({ route: fc.constantFrom(...ROUTE_CHOICES) }, { requiredKeys: [] }),
    exceptions: fc.record(
      {
        source: fc.constantFrom('backend' as const, 'frontend' as const),
        level: fc.constantFrom('error' as const, 'fatal' as const),
      },
      { requiredKeys: [] },
    ),
    new_exception_groups: fc.record(
      { source: fc.constantFrom('backend' as const, 'frontend' as const) },
      { requiredKeys: [] },
    ),
    logs: fc.record(
      {
        level: fc.constantFrom(...LOG_LEVELS),
        source: fc.constantFrom('backend' as const, 'frontend' as const),
        module: fc.constantFrom('PaymentsService', 'ImportService', 'Router', 'Nobody'),
        text: fc.constantFrom('timeout', '100%_done', '%', '_', 'c:\\tmp', 'Payment'),
      },
      { requiredKeys: [] },
    ),
  };
  const ruleArbitrary: fc.Arbitrary<AlertRule> = fc
    .constantFrom(...ALERT_METRICS)
    .chain((metricType) => {
      const family = FAMILY_OF[metricType];
      return fc.record({
        metricType: fc.constant(metricType),
        filters: filtersOf[family],
        groupBy: fc.option(fc.constantFrom(...GROUP_BY_OF[family]), { nil: null }),
        windowSeconds: fc.constantFrom(60, 120, 300, 600, 1500),
      });
    })
    .map((fields) => rule(fields));

  it('reads 50 rules of mixed families with one query per family, as each would read alone', async () => {
    // Every statement, whichever way it is sent, runs through a query runner.
    const query = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    const alertingQueries = () =>
      query.mock.calls.filter(([sql]) => sql.startsWith('/* alerting */')).length;
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(ruleArbitrary, { minLength: 50, maxLength: 50 }),
          async (rules) => {
            query.mockClear();
            const together = await readCycle(rules);
            expect(alertingQueries()).toBe(byFamily(rules).size);
            const alone = await Promise.all(
              rules.map(async (each) => (await readCycle([each]))[0]),
            );
            expect(together).toEqual(alone);
          },
        ),
        { numRuns: 8 },
      );
    } finally {
      query.mockRestore();
    }
  });

  // ---- evaluation cycles ------------------------------------------------------------------------

  const created: string[] = [];
  afterEach(async () => {
    for (const id of created.splice(0)) {
      await testApp.http.delete(`/api/v1/monitoring/alerts/${id}`).set(admin.auth).expect(204);
    }
  });

  async function createRule(body: Record<string, unknown>): Promise<string> {
    const response = await testApp.http
      .post('/api/v1/monitoring/alerts')
      .set(admin.auth)
      .send({
        severity: 'warning',
        operator: '>',
        windowSeconds: 300,
        intervalSeconds: 60,
        ...body,
      })
      .expect(201);
    created.push(response.body.id);
    return response.body.id;
  }

  interface RuleView {
    state: string;
    lastError: string | null;
    lastEvaluatedAt: string | null;
    instances: {
      key: string;
      labels: Record<string, string>;
      state: string;
      value: number | null;
      error: string | null;
    }[];
  }

  async function ruleView(id: string): Promise<RuleView> {
    const response = await testApp.http
      .get(`/api/v1/monitoring/alerts/${id}`)
      .set(admin.auth)
      .expect(200);
    const { state, lastError, lastEvaluatedAt, instances } = response.body as RuleView;
    return {
      state,
      lastError,
      lastEvaluatedAt,
      instances: instances
        .map(({ key, labels, state: instanceState, value, error }) => ({
          key,
          labels,
          state: instanceState,
          value,
          error,
        }))
        .sort((a, b) => (a.key < b.key ? -1 : 1)),
    };
  }

  it('puts only the rules of a failing family in error, the others evaluate, and the next cycle recovers', async () => {
    const t = new Date('2031-06-01T12:00:00.000Z');
    await insertRequests(t, [{ name: `GET ${TX}`, minute: -1, durationsMs: times(10, 400) }]);
    await insertSlowQueries(t, [
      { minute: -1, route: `GET ${TX}` },
      { minute: -2, route: null },
    ]);
    const latency = await createRule({
      name: 'Slow transactions',
      metricType: 'p95_latency_ms',
      filters: { route: TX, method: 'GET' },
      threshold: 100,
    });
    const slowQueries = await createRule({
      name: 'Slow queries',
      metricType: 'slow_query_count',
      threshold: 0,
    });
    const slowQueriesByRoute = await createRule({
      name: 'Slow queries by route',
      metricType: 'slow_query_count',
      groupBy: 'route',
      threshold: 5,
    });

    await testApp.dataSource.query('ALTER TABLE slow_queries RENAME TO slow_queries_gone');
    try {
      expect(await evaluator().evaluateDue(t)).toBe(3);
    } finally {
      await testApp.dataSource.query('ALTER TABLE slow_queries_gone RENAME TO slow_queries');
    }

    const failure = 'relation "slow_queries" does not exist';
    for (const id of [slowQueries, slowQueriesByRoute]) {
      expect(await ruleView(id)).toEqual({
        state: 'error',
        lastError: expect.stringContaining(failure),
        lastEvaluatedAt: t.toISOString(),
        instances: [
          {
            key: '',
            labels: {},
            state: 'error',
            value: null,
            error: expect.stringContaining(failure),
          },
        ],
      });
    }
    expect(await ruleView(latency)).toEqual({
      state: 'firing',
      lastError: null,
      lastEvaluatedAt: t.toISOString(),
      instances: [{ key: '', labels: {}, state: 'firing', value: 400, error: null }],
    });

    // Fixed: the next cycle measures again and clears the recorded error.
    const next = new Date(t.getTime() + MINUTE);
    expect(await evaluator().evaluateDue(next)).toBe(3);
    expect(await ruleView(slowQueries)).toEqual({
      state: 'firing',
      lastError: null,
      lastEvaluatedAt: next.toISOString(),
      instances: [{ key: '', labels: {}, state: 'firing', value: 2, error: null }],
    });
    const grouped = await ruleView(slowQueriesByRoute);
    expect(grouped).toMatchObject({ state: 'normal', lastError: null });
    // The stand-in instance of the failed query is gone: only the real groups are left.
    expect(grouped.instances).toEqual([
      { key: '(none)', labels: { route: '(none)' }, state: 'normal', value: 1, error: null },
      {
        key: `GET ${TX}`,
        labels: { route: TX, method: 'GET' },
        state: 'normal',
        value: 1,
        error: null,
      },
    ]);
    expect(grouped.instances.every((instance) => instance.state === 'normal')).toBe(true);
    expect((await ruleView(latency)).instances).toEqual([
      { key: '', labels: {}, state: 'firing', value: 400, error: null },
    ]);
  });

  it('turns no requests into normal, alerting or nodata as each rule says', async () => {
    const t = new Date('2031-07-01T12:00:00.000Z');
    const ids = [];
    for (const noDataState of ['normal', 'alerting', 'nodata']) {
      ids.push(
        await createRule({
          name: `p95 without requests (${noDataState})`,
          metricType: 'p95_latency_ms',
          filters: { route: TX, method: 'GET' },
          threshold: 100,
          noDataState,
        }),
      );
    }
    expect(await evaluator().evaluateDue(t)).toBe(3);
    const views = await Promise.all(ids.map(ruleView));
    expect(views.map(({ state, instances }) => ({ state, instances }))).toEqual(
      ['normal', 'firing', 'nodata'].map((state) => ({
        state,
        instances: [{ key: '', labels: {}, state, value: null, error: null }],
      })),
    );
  });

  it('resolves a grouped instance whose series disappears instead of leaving it in nodata', async () => {
    const t = new Date('2031-08-01T12:00:00.000Z');
    await insertRequests(t, [
      { name: `GET ${TX}`, minute: -1, durationsMs: times(10, 400) },
      { name: `GET ${BUDGETS}`, minute: -1, durationsMs: times(10, 10) },
    ]);
    await insertSlowRequests(t, [{ minute: -1, method: 'GET', route: TX }]);
    const latency = await createRule({
      name: 'Slow endpoints',
      metricType: 'p95_latency_ms',
      groupBy: 'route',
      threshold: 100,
      noDataState: 'nodata',
    });
    const slow = await createRule({
      name: 'Slow requests per endpoint',
      metricType: 'slow_request_count',
      groupBy: 'route',
      threshold: 0,
    });

    expect(await evaluator().evaluateDue(t)).toBe(2);
    expect(await ruleView(latency)).toMatchObject({
      state: 'firing',
      instances: [
        {
          key: `GET ${BUDGETS}`,
          labels: { route: BUDGETS, method: 'GET' },
          state: 'normal',
          value: 10,
        },
        { key: `GET ${TX}`, labels: { route: TX, method: 'GET' }, state: 'firing', value: 400 },
      ],
    });
    expect(await ruleView(slow)).toMatchObject({
      state: 'firing',
      instances: [
        { key: `GET ${TX}`, labels: { route: TX, method: 'GET' }, state: 'firing', value: 1 },
      ],
    });

    // Ten minutes later the window holds nothing: every instance resolves.
    const later = new Date(t.getTime() + 10 * MINUTE);
    expect(await evaluator().evaluateDue(later)).toBe(2);
    expect(await ruleView(latency)).toMatchObject({
      state: 'normal',
      instances: [
        { key: `GET ${BUDGETS}`, state: 'normal', value: null },
        { key: `GET ${TX}`, state: 'normal', value: null },
      ],
    });
    expect(await ruleView(slow)).toMatchObject({
      state: 'normal',
      instances: [{ key: `GET ${TX}`, state: 'normal', value: 0 }],
    });
    const history = await testApp.http
      .get('/api/v1/monitoring/alerts/history')
      .query({ ruleId: latency })
      .set(admin.auth)
      .expect(200);
    expect(
      (history.body.items as { instanceKey?: string; fromState: string; toState: string }[]).map(
        ({ fromState, toState }) => `${fromState}->${toState}`,
      ),
    ).toEqual(['firing->normal', 'normal->firing']);
  });
});
