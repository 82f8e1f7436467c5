/**
 * Cost of an alert evaluation cycle: `AlertCycle.evaluate(now)` (the due rules read, one query per
 * metric family, instances moved on and stored, notification groups stepped) with 100 and with
 * 1 000 enabled rules over a week of metrics: ~2 M `performance_metrics` minute rows (60 of the
 * API's own routes and the query kinds on 3 instances, histograms sampled from a latency profile
 * per route, a day's rhythm and short incidents), slow requests and queries, exceptions and
 * 200 k stored logs. Target: 1 000 rules in at most 2 s per cycle (p95). It measures; it asserts
 * nothing.
 *
 * The built API (`dist/apps/api/main.js`) makes and migrates the database, as the other benches
 * do; the cycle then runs in this process, in the API's own modules booted on that database as
 * the e2e tests boot them (`createApp`, no jobs, no migrations), since a child process offers no
 * way to call it. The seeded database is cloned (`CREATE DATABASE … TEMPLATE`), one copy per rule
 * set, so each set keeps its own instances and groups from cycle to cycle as it would in
 * production; the two sets are evaluated in interleaved rounds (100, 1000, 1000, 100, …), each
 * cycle one minute after the set's previous one (every rule has a 60 s interval, so every rule is
 * due each cycle), over the last minutes of the seeded week. Each rule's threshold is set from
 * what it measures in the seeded data (mostly 1.5–4 times above it, 8% just below), so about a
 * tenth of the rules alert, as in a healthy system. Rules carry an email contact point and two
 * silences are active, so groups flush and deliveries are made (not sent: that is
 * `AlertCycle.deliver`).
 *
 * After the rounds, a diagnosis on each set: one cycle with every SQL statement timed (the family
 * reads as one phase, since they run side by side; the statements after them; the rest), and
 * each metric family read alone, split into its statement (with `EXPLAIN (ANALYZE, BUFFERS)`)
 * and the work in this process. Prints a table and writes every figure, plans included, to
 * bench/results/alerts.json.
 *
 * Run: `npm run bench:alerts` (builds the API first; about 4 minutes, a minute of it seeding).
 * Env: BENCH_DATABASE_URL (else TEST_DATABASE_URL, else an embedded PostgreSQL), BENCH_ROUNDS
 * (measured cycles per set, 20), BENCH_WARM_UP (unmeasured cycles per set first, 2), BENCH_LOGS
 * (stored logs, 200000).
 */
import './support/api-paths';
import {
  LOG_SEVERITY_NUMBERS,
  LogLevel,
  QUERY_KINDS,
  type AlertMetric,
} from '@ledgerlens/contracts';
import type { INestApplication, Type } from '@nestjs/common';
import { loadavg } from 'node:os';
import type { Client } from 'pg';
import { DataSource } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { AppConfig, loadConfig } from '../apps/api/src/config';
import {
  AlertRulesStore,
  byFamily,
  FAMILY_OF,
  KnownRoutes,
  MetricReaders,
  ruleProblems,
} from '../apps/api/src/modules/alerts';
import type {
  AlertRule,
  KnownRoute,
  MetricFamily,
  RuleDraft,
} from '../apps/api/src/modules/alerts';
import { emptyHistogram, microsecondsOf, observe } from '../apps/api/src/modules/monitoring';
import type { LatencyHistogram } from '../apps/api/src/modules/monitoring';
import {
  BuiltApi,
  openDatabaseServerOf,
  sql,
  startBuiltApi,
  withClient,
  withDatabase,
} from '../apps/api/harness';
import { LatencySummary, summarise, timed } from './support/latency';
import { generators, seededRandom } from './support/random';
import { machine, writeResult } from './support/results';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 20);
const WARM_UP = Number(process.env['BENCH_WARM_UP'] ?? 2);
const LOGS = Number(process.env['BENCH_LOGS'] ?? 200_000);

const DAYS = 7;
const ROUTES = 60;
const INSTANCES = 3;
const SLOW_REQUESTS = 50_000;
const SLOW_QUERIES = 30_000;
const EXCEPTION_GROUPS = 400;
const SET_SIZES = [100, 1000] as const;
const TARGET_1000_MS = 2000;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Every rule's evaluation interval: cycles one interval apart find every rule due. */
const INTERVAL_SECONDS = 60;
/** A pause between cycles, so what one set's cycle set off (events, flushes) ends before the next. */
const SETTLE_MS = 250;

type SetSize = (typeof SET_SIZES)[number];

const next = seededRandom(16);
const { pick } = generators(next);
const format = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const between = (low: number, high: number) => low + next() * (high - low);
/** Log-uniform between `low` and `high`: as many values per decade. */
const logBetween = (low: number, high: number) => low * (high / low) ** next();
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

// ---------------------------------------------------------------------------------------------
// Metrics: a profile per series, histograms sampled from it once, minute rows made in SQL
// ---------------------------------------------------------------------------------------------

/** A series of `performance_metrics`: a route (`GET /api/v1/…`) or a query kind. */
interface Series {
  index: number;
  metricType: 'http_request' | 'db_query';
  name: string;
  /** Requests (or queries) per minute per instance at the day's busiest. */
  perMinute: number;
  medianMs: number;
  /** Spread of the log-normal latency. */
  sigma: number;
  share5xx: number;
  share4xx: number;
}

/** Traffic of the four parts of a UTC day: night, morning, evening, working hours. */
const DAY_LEVELS = [0.25, 0.6, 1.0, 1.5];
/** Templates per series and level: rows pick one by a hash, so neighbours differ. */
const REPLICAS = 4;
/** Variants 16–19: an incident (latency ×4, a fifth of requests failing). */
const INCIDENT_VARIANT = DAY_LEVELS.length * REPLICAS;

function normal(): number {
  return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}

function seriesOf(routes: readonly KnownRoute[]): Series[] {
  const http: Series[] = routes.map((route, index) => ({
    index,
    metricType: 'http_request',
    name: `${route.method} ${route.path}`,
    perMinute: logBetween(2, 150),
    medianMs: logBetween(4, 240),
    sigma: between(0.45, 0.9),
    share5xx: logBetween(0.001, 0.03),
    share4xx: between(0.01, 0.06),
  }));
  const queries: Series[] = QUERY_KINDS.map((kind, i) => ({
    index: routes.length + i,
    metricType: 'db_query',
    name: kind,
    perMinute: logBetween(20, 600),
    medianMs: logBetween(0.3, 6),
    sigma: between(0.5, 1.1),
    share5xx: 0,
    share4xx: 0,
  }));
  return [...http, ...queries];
}

interface Template extends LatencyHistogram {
  series: number;
  variant: number;
  count4xx: number;
  count5xx: number;
}

/** One minute of one instance of a series, sampled request by request. */
function template(series: Series, variant: number): Template {
  const incident = variant >= INCIDENT_VARIANT;
  const level = incident ? 2 : Math.floor(variant / REPLICAS);
  const requests = Math.max(
    1,
    Math.round(series.perMinute * DAY_LEVELS[level] * between(0.75, 1.25)),
  );
  const histogram = emptyHistogram();
  let count4xx = 0;
  let count5xx = 0;
  for (let i = 0; i < requests; i++) {
    const ms = series.medianMs * (incident ? 4 : 1) * Math.exp(series.sigma * normal());
    observe(histogram, microsecondsOf(Math.min(ms, 120_000)));
    const roll = next();
    const share5xx = incident && series.metricType === 'http_request' ? 0.2 : series.share5xx;
    if (roll < share5xx) count5xx += 1;
    else if (roll < share5xx + series.share4xx) count4xx += 1;
  }
  return { ...histogram, series: series.index, variant, count4xx, count5xx };
}

/**
 * Minute rows `$1`..`$2` (minute numbers from `$3`) of every series and instance, in time order
 * as instances write them. Each picks its series' template for the part of the day, one of
 * REPLICAS by a hash; a series has 20-minute incidents now and then (3 blocks in 1 024).
 */
const INSERT_MINUTES = `
  INSERT INTO performance_metrics (metric_type, metric_name, instance, aggregation_period,
    period_start, period_end, value, unit, count, count_4xx, count_5xx, sum_us, max_us, buckets,
    created_at, updated_at)
  SELECT s.metric_type, s.metric_name, 'api-' || i, '1m', t, t + interval '1 minute',
    tp.sum_us / 1000.0 / tp.count, 'ms', tp.count, tp.count_4xx, tp.count_5xx, tp.sum_us,
    tp.max_us, tp.buckets, t + interval '1 minute', t + interval '1 minute'
  FROM generate_series($1::int, $2::int) AS m
  CROSS JOIN LATERAL (SELECT $3::timestamptz + m * interval '1 minute' AS t) AS minute
  CROSS JOIN bench_series s
  CROSS JOIN generate_series(1, ${INSTANCES}) AS i
  CROSS JOIN LATERAL (
    SELECT hashint8((m::bigint * 128 + s.s) * 4 + i) & ${REPLICAS - 1} AS replica,
      (hashint4((m / 20) * 131 + s.s) & 1023) < 3 AS incident,
      CASE WHEN extract(hour FROM t AT TIME ZONE 'UTC') < 6 THEN 0
        WHEN extract(hour FROM t AT TIME ZONE 'UTC') < 9 THEN 1
        WHEN extract(hour FROM t AT TIME ZONE 'UTC') >= 18 THEN 2 ELSE 3 END AS level
  ) AS pick
  JOIN bench_templates tp ON tp.s = s.s AND tp.variant = CASE WHEN pick.incident
    THEN ${INCIDENT_VARIANT} + pick.replica ELSE pick.level * ${REPLICAS} + pick.replica END
  ORDER BY m, s.s, i`;

async function seedMetrics(client: Client, series: readonly Series[], start: Date) {
  await client.query(
    `CREATE TABLE bench_series (s int PRIMARY KEY, metric_type text, metric_name text)`,
  );
  await client.query(`CREATE TABLE bench_templates (s int, variant int, count bigint,
    count_4xx bigint, count_5xx bigint, sum_us bigint, max_us bigint, buckets bigint[],
    PRIMARY KEY (s, variant))`);
  await client.query(
    `INSERT INTO bench_series SELECT * FROM jsonb_to_recordset($1::jsonb)
       AS r(s int, metric_type text, metric_name text)`,
    [
      JSON.stringify(
        series.map((s) => ({ s: s.index, metric_type: s.metricType, metric_name: s.name })),
      ),
    ],
  );
  const templates = series.flatMap((s) =>
    Array.from({ length: INCIDENT_VARIANT + REPLICAS }, (_, variant) => template(s, variant)),
  );
  await client.query(
    `INSERT INTO bench_templates SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(s int,
       variant int, count bigint, count_4xx bigint, count_5xx bigint, sum_us bigint,
       max_us bigint, buckets bigint[])`,
    [
      JSON.stringify(
        templates.map((t) => ({
          s: t.series,
          variant: t.variant,
          count: t.count,
          count_4xx: t.count4xx,
          count_5xx: t.count5xx,
          sum_us: t.sumUs,
          max_us: t.maxUs,
          buckets: t.buckets,
        })),
      ),
    ],
  );
  const minutesPerDay = DAY_MS / MINUTE_MS;
  for (let day = 0; day < DAYS; day++) {
    await client.query(INSERT_MINUTES, [
      day * minutesPerDay,
      (day + 1) * minutesPerDay - 1,
      start.toISOString(),
    ]);
    process.stdout.write(`\r   performance_metrics: day ${day + 1} of ${DAYS}`);
  }
  process.stdout.write('\n');
  await client.query('DROP TABLE bench_templates');
  await client.query('DROP TABLE bench_series');
}

// ---------------------------------------------------------------------------------------------
// Slow requests and queries, exceptions, logs
// ---------------------------------------------------------------------------------------------

/** Names repeated by weight: slow samples come mostly from slow, busy routes. */
function weightedNames(series: readonly Series[]): string[] {
  return series
    .filter((s) => s.metricType === 'http_request')
    .flatMap((s) =>
      Array.from(
        { length: Math.max(1, Math.round((s.medianMs * Math.sqrt(s.perMinute)) / 20)) },
        () => s.name,
      ),
    );
}

const SLOW_STATEMENTS = [
  'SELECT t.* FROM transactions t WHERE t.user_id = $1 ORDER BY t.occurred_on DESC LIMIT $2',
  'SELECT sum(amount_cents) FROM transactions WHERE category_id = ANY($1) AND occurred_on >= $2',
  'UPDATE budgets SET spent_cents = spent_cents + $1 WHERE id = $2',
  'INSERT INTO audit_events (actor_id, action, metadata) VALUES ($1, $2, $3)',
  'WITH days AS (SELECT generate_series($1::date, $2::date, interval $3) AS day) SELECT …',
];
const QUERY_KINDS_OF_STATEMENTS = ['SELECT', 'SELECT', 'UPDATE', 'INSERT', 'WITH'];

async function seedSlowSamples(client: Client, series: readonly Series[], start: Date) {
  const names = weightedNames(series);
  const seconds = (DAYS * DAY_MS) / 1000;
  await client.query(
    `INSERT INTO slow_requests (started_at, trace_id, method, route, status_code, duration_ms,
       instance)
     SELECT $1::timestamptz + r1 * $2 * interval '1 second', md5(g::text),
       split_part(name, ' ', 1), substr(name, strpos(name, ' ') + 1),
       CASE WHEN r2 < 0.08 THEN 500 WHEN r2 < 0.1 THEN 504 ELSE 200 END,
       1000 + power(r2, 3) * 9000, 'api-' || (1 + g % ${INSTANCES})
     FROM (SELECT g, random() AS r1, random() AS r2,
       ($3::text[])[1 + floor(random() * cardinality($3::text[]))::int] AS name
       FROM generate_series(1, $4::int) AS g) AS x
     ORDER BY 1`,
    [start.toISOString(), seconds, names, SLOW_REQUESTS],
  );
  // Queries run outside a request (jobs) have no route; the others name it as the API does.
  await client.query(
    `INSERT INTO slow_queries (started_at, trace_id, route, kind, statement, params, duration_ms,
       instance)
     SELECT $1::timestamptz + r1 * $2 * interval '1 second', md5(g::text),
       CASE WHEN r2 < 0.8 THEN ($3::text[])[1 + floor(random() * cardinality($3::text[]))::int] END,
       ($4::text[])[k], ($5::text[])[k], '["…"]'::jsonb, 500 + power(r2, 3) * 4500,
       'api-' || (1 + g % ${INSTANCES})
     FROM (SELECT g, random() AS r1, random() AS r2,
       1 + floor(random() * ${SLOW_STATEMENTS.length})::int AS k
       FROM generate_series(1, $6::int) AS g) AS x
     ORDER BY 1`,
    [start.toISOString(), seconds, names, QUERY_KINDS_OF_STATEMENTS, SLOW_STATEMENTS, SLOW_QUERIES],
  );
}

const EXCEPTION_TYPES = ['TypeError', 'QueryFailedError', 'TimeoutError', 'ChunkLoadError'];

/**
 * Groups first seen at random times of the week (a few in the last hour), each occurring in a
 * share of the minutes after that between 0.05% and 20% (log-uniform), 1–4 times a minute.
 */
async function seedExceptions(client: Client, start: Date, end: Date) {
  await client.query(
    `INSERT INTO exception_groups (fingerprint, title, type, culprit, level, source, count,
       first_seen, last_seen)
     SELECT md5('group-' || g), types[1 + g % 4] || ': failure ' || g, types[1 + g % 4],
       'src/module-' || (g % 37) || '.ts', CASE WHEN g % 10 = 0 THEN 'fatal' ELSE 'error' END,
       CASE WHEN g % 10 < 7 THEN 'backend' ELSE 'frontend' END, 1, seen, seen
     FROM (SELECT g, $1::text[] AS types,
       $2::timestamptz + random() * ($3::timestamptz - $2::timestamptz) AS seen
       FROM generate_series(1, $4::int) AS g) AS x
     ORDER BY seen`,
    [EXCEPTION_TYPES, start.toISOString(), end.toISOString(), EXCEPTION_GROUPS],
  );
  await client.query(
    `INSERT INTO exception_counts (group_id, bucket_start, count)
     SELECT g.id, b, 1 + floor(random() * 4)::int
     FROM (SELECT id, first_seen, 0.0005 * power(400, random()) AS rate
       FROM exception_groups) AS g
     CROSS JOIN LATERAL generate_series(date_trunc('minute', g.first_seen),
       $1::timestamptz - interval '1 minute', interval '1 minute') AS b
     WHERE b = date_trunc('minute', g.first_seen) OR random() < g.rate
     ORDER BY b`,
    [end.toISOString()],
  );
  await client.query(
    `UPDATE exception_groups g SET count = c.total, last_seen = c.last
     FROM (SELECT group_id, sum(count) AS total, max(bucket_start) + interval '30 seconds' AS last
       FROM exception_counts GROUP BY group_id) AS c
     WHERE c.group_id = g.id`,
  );
}

const BACKEND_MODULES = [
  'http',
  'auth',
  'transactions',
  'budgets',
  'categories',
  'audit',
  'scheduler',
  'monitoring',
  'alerting',
];
const FRONTEND_MODULES = ['TransactionsPage', 'DashboardPage', 'BudgetsPage', 'LogViewer'];
const MESSAGES: Record<'error' | 'warn' | 'info', string[]> = {
  error: [
    'Payment %s failed: upstream timeout after %s ms',
    'Could not load budget %s: connection reset by peer (attempt %s)',
    'Deadlock detected while updating transaction %s (retry %s)',
    'Import of statement %s failed at row %s',
    'Render of chart %s failed: %s points exceed the limit',
  ],
  warn: [
    'Slow query took %s ms on account %s',
    'Retrying request %s after %s ms',
    'Budget %s is over its limit by %s cents',
    'Cache miss for key budget:%s (%s entries)',
  ],
  info: [
    'Loaded %s transactions for account %s',
    'User %s signed in from session %s',
    'Scheduled job %s finished in %s ms',
    'Recomputed balance of account %s: %s cents',
  ],
};
const sqlArray = (items: readonly string[]) =>
  `ARRAY[${items.map((item) => `'${item.replace(/'/g, "''")}'`).join(', ')}]`;
const severity = (level: LogLevel) => LOG_SEVERITY_NUMBERS[level];

/** LOGS lines evenly over the week: 15% debug, 62% info, 15% warn, 7.5% error, 0.5% fatal. */
async function seedLogs(client: Client, start: Date, end: Date) {
  await client.query(
    `SELECT app_logs_ensure_partition(day::date)
     FROM generate_series($1::date, $2::date, interval '1 day') AS day`,
    [start.toISOString().slice(0, 10), end.toISOString().slice(0, 10)],
  );
  await client.query(
    `INSERT INTO app_logs (logged_at, level, severity_number, source, module, message, trace_id,
       extra_data, client_id)
     SELECT t, level,
       CASE level WHEN 'debug' THEN ${severity('debug')} WHEN 'info' THEN ${severity('info')}
         WHEN 'warn' THEN ${severity('warn')} WHEN 'error' THEN ${severity('error')}
         ELSE ${severity('fatal')} END,
       source, module,
       format(CASE WHEN level IN ('error', 'fatal')
           THEN (${sqlArray(MESSAGES.error)})[1 + i % ${MESSAGES.error.length}]
         WHEN level = 'warn' THEN (${sqlArray(MESSAGES.warn)})[1 + i % ${MESSAGES.warn.length}]
         ELSE (${sqlArray(MESSAGES.info)})[1 + i % ${MESSAGES.info.length}] END,
         i % 10007, (r2 * 5000)::int),
       CASE WHEN i % 4 = 0 THEN md5((i / 8)::text) END,
       jsonb_build_object('instance', 'api-' || (1 + i % ${INSTANCES})),
       CASE WHEN source = 'frontend' THEN gen_random_uuid() END
     FROM (
       SELECT i, t, r2,
         CASE WHEN r < 0.005 THEN 'fatal' WHEN r < 0.08 THEN 'error' WHEN r < 0.23 THEN 'warn'
           WHEN r < 0.85 THEN 'info' ELSE 'debug' END AS level,
         CASE WHEN i % 10 < 7 THEN 'backend' ELSE 'frontend' END AS source,
         CASE WHEN i % 10 < 7
           THEN (${sqlArray(BACKEND_MODULES)})[1 + (i / 10) % ${BACKEND_MODULES.length}]
           ELSE (${sqlArray(FRONTEND_MODULES)})[1 + (i / 10) % ${FRONTEND_MODULES.length}]
         END AS module
       FROM (SELECT i, $1::timestamptz + (i - 1) * ($2::timestamptz - $1::timestamptz) / $3::int
           AS t, random() AS r, random() AS r2
         FROM generate_series(1, $3::int) AS i) AS g
     ) AS h`,
    [start.toISOString(), end.toISOString(), LOGS],
  );
}

// ---------------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------------

const METRIC_WEIGHTS: [AlertMetric, number][] = [
  ['p95_latency_ms', 18],
  ['p99_latency_ms', 8],
  ['p50_latency_ms', 6],
  ['error_rate', 14],
  ['request_rate', 10],
  ['slow_request_count', 8],
  ['slow_query_count', 6],
  ['exception_count', 8],
  ['new_exception_group', 4],
  ['log_count', 18],
];
const METRICS = METRIC_WEIGHTS.flatMap(([metric, weight]) =>
  Array.from({ length: weight }, () => metric),
);
const WINDOW_MINUTES = [5, 5, 10, 15, 15, 30, 60];
const LOG_TEXTS = ['timeout', 'deadlock', 'connection reset', 'failed', 'slow', 'retry'];
const chance = (share: number) => next() < share;

/**
 * Rule `index` of a realistic mix: latency percentiles, error share and request rate of one
 * route or of all (some grouped by route), counts of slow samples and exceptions, log counts
 * with level, source, module and text filters. Its threshold is set by `calibrate`.
 */
function ruleDraft(index: number, http: readonly Series[], contactPointId: string): RuleDraft {
  const metricType = pick(METRICS);
  const windowSeconds = pick(WINDOW_MINUTES) * 60;
  const [method, path] = pick(http).name.split(' ');
  const oneRoute = { route: path, method };
  let filters: RuleDraft['filters'] = {};
  let groupBy: RuleDraft['groupBy'] = null;
  let operator: RuleDraft['operator'] = '>';
  switch (metricType) {
    case 'p50_latency_ms':
    case 'p95_latency_ms':
    case 'p99_latency_ms':
    case 'error_rate':
      if (chance(0.65)) filters = oneRoute;
      else groupBy = chance(0.4) ? 'route' : null;
      break;
    case 'request_rate':
      filters = oneRoute;
      // A drop in traffic as often as a surge.
      if (chance(0.5)) operator = '<';
      break;
    case 'slow_request_count':
      if (chance(0.4)) filters = oneRoute;
      else groupBy = chance(0.5) ? 'route' : null;
      break;
    case 'slow_query_count':
      if (chance(0.3)) filters = { route: path };
      else groupBy = chance(0.4) ? 'route' : null;
      break;
    case 'exception_count':
      filters = {
        ...(chance(0.5) ? { source: pick(['backend', 'frontend'] as const) } : {}),
        ...(chance(0.2) ? { level: 'fatal' as const } : {}),
      };
      groupBy = chance(0.3) ? 'source' : null;
      break;
    case 'new_exception_group':
      filters = chance(0.4) ? { source: pick(['backend', 'frontend'] as const) } : {};
      groupBy = chance(0.2) ? 'source' : null;
      break;
    case 'log_count': {
      const level = pick<LogLevel | undefined>(['warn', 'error', 'error', 'fatal', undefined]);
      const module = chance(0.3) ? pick([...BACKEND_MODULES, ...FRONTEND_MODULES]) : undefined;
      filters = {
        ...(level ? { level } : {}),
        ...(chance(0.4) ? { source: pick(['backend', 'frontend'] as const) } : {}),
        ...(module ? { module } : {}),
        ...(chance(0.5) ? { text: pick(LOG_TEXTS) } : {}),
      };
      groupBy = module ? null : pick([null, null, null, null, 'module', 'source'] as const);
      break;
    }
  }
  const subject = filters.route ? `${filters.method ?? ''} ${filters.route}`.trim() : 'all';
  return {
    name: `Bench ${String(index).padStart(4, '0')} ${metricType} ${subject}`.slice(0, 120),
    description: `Generated by bench/alerts.ts (${windowSeconds / 60} min window)`,
    severity: pick(['info', 'warning', 'warning', 'critical'] as const),
    labels: { team: pick(['payments', 'platform', 'web', 'data']) },
    annotations: { runbook_url: `https://runbooks.example.com/${metricType}` },
    enabled: true,
    metricType,
    filters,
    groupBy,
    windowSeconds,
    intervalSeconds: INTERVAL_SECONDS,
    operator,
    threshold: NaN,
    pendingSeconds: pick([0, 0, 60, 120, 300]),
    keepFiringSeconds: pick([0, 0, 60]),
    noDataState: chance(0.1) ? 'nodata' : 'normal',
    notification: {
      contactPointIds: [contactPointId],
      groupWaitSeconds: 30,
      groupIntervalSeconds: 300,
      repeatIntervalSeconds: 14_400,
      sendResolved: true,
    },
  };
}

/** Rules whose threshold sits below what they measure: about this share fire. */
const SENSITIVE_SHARE = 0.08;
const NO_DATA_THRESHOLDS: Partial<Record<AlertMetric, number>> = {
  p50_latency_ms: 500,
  p95_latency_ms: 1000,
  p99_latency_ms: 2000,
  error_rate: 0.05,
};

/**
 * Sets each rule's threshold from what it measures in the seeded data, as an admin would after
 * looking at the charts: request metrics over the rule's window at `at` (amid the cycles),
 * counts as their weekly average scaled to the window (a grouped rule: its top group). Most
 * thresholds sit 1.5–4 times above that (below, for a drop in traffic); SENSITIVE_SHARE of them
 * just under it.
 */
async function calibrate(
  readers: MetricReaders,
  drafts: RuleDraft[],
  at: Date,
  end: Date,
): Promise<void> {
  const weekSeconds = (DAYS * DAY_MS) / 1000;
  const rules: AlertRule[] = drafts.map((draft, i) => ({
    ...draft,
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    windowSeconds: FAMILY_OF[draft.metricType] === 'requests' ? draft.windowSeconds : weekSeconds,
  }));
  for (const [family, members] of byFamily(rules)) {
    const measured = await readers.read(family, members, family === 'requests' ? at : end);
    for (const rule of members) {
      const draft = drafts[Number(rule.id.slice(-12))];
      const values = [...(measured.get(rule.id)?.values() ?? [])]
        .map((m) => m.value)
        .filter((value): value is number => value !== undefined)
        .sort((a, b) => a - b);
      // A grouped rule watches for the group that stands out: its threshold is above the top one.
      const typical = draft.groupBy ? values[values.length - 1] : values[0];
      const factor = chance(SENSITIVE_SHARE) ? between(0.6, 0.9) : logBetween(1.5, 4);
      draft.threshold = thresholdOf(draft, typical, factor, weekSeconds);
      draft.annotations = {
        ...draft.annotations,
        summary: `${draft.metricType} ${draft.operator} ${draft.threshold}`,
      };
    }
  }
}

function thresholdOf(
  draft: RuleDraft,
  typical: number | undefined,
  factor: number,
  weekSeconds: number,
): number {
  const metric = draft.metricType;
  if (FAMILY_OF[metric] !== 'requests') {
    const expected = ((typical ?? 0) * draft.windowSeconds) / weekSeconds;
    return Math.max(1, Math.ceil(expected * factor));
  }
  if (typical === undefined) return NO_DATA_THRESHOLDS[metric] ?? 1;
  if (metric === 'error_rate')
    return Number(Math.min(1, Math.max(0.01, typical * factor)).toFixed(4));
  if (metric === 'request_rate') {
    return Number((draft.operator === '<' ? typical / factor : typical * factor).toFixed(3));
  }
  return Math.max(1, Math.round(typical * factor));
}

async function insertRules(db: DataSource, drafts: readonly RuleDraft[]): Promise<void> {
  await db.query(
    `INSERT INTO alert_configs (name, description, severity, labels, annotations, enabled,
       metric_type, filters, group_by, condition_operator, threshold_value, window_seconds,
       interval_seconds, pending_seconds, keep_firing_seconds, no_data_state, contact_point_ids,
       group_wait_seconds, group_interval_seconds, repeat_interval_seconds, send_resolved)
     SELECT name, description, severity, labels, annotations, enabled, metric_type, filters,
       group_by, operator, threshold, window_seconds, interval_seconds, pending_seconds,
       keep_firing_seconds, no_data_state, contact_point_ids, group_wait_seconds,
       group_interval_seconds, repeat_interval_seconds, send_resolved
     FROM jsonb_to_recordset($1::jsonb) AS r(name text, description text, severity text,
       labels jsonb, annotations jsonb, enabled boolean, metric_type text, filters jsonb,
       group_by text, operator text, threshold float8, window_seconds int, interval_seconds int,
       pending_seconds int, keep_firing_seconds int, no_data_state text, contact_point_ids uuid[],
       group_wait_seconds int, group_interval_seconds int, repeat_interval_seconds int,
       send_resolved boolean)`,
    [
      JSON.stringify(
        drafts.map((d) => ({
          name: d.name,
          description: d.description,
          severity: d.severity,
          labels: d.labels,
          annotations: d.annotations,
          enabled: d.enabled,
          metric_type: d.metricType,
          filters: d.filters,
          group_by: d.groupBy,
          operator: d.operator,
          threshold: d.threshold,
          window_seconds: d.windowSeconds,
          interval_seconds: d.intervalSeconds,
          pending_seconds: d.pendingSeconds,
          keep_firing_seconds: d.keepFiringSeconds,
          no_data_state: d.noDataState,
          contact_point_ids: d.notification.contactPointIds,
          group_wait_seconds: d.notification.groupWaitSeconds,
          group_interval_seconds: d.notification.groupIntervalSeconds,
          repeat_interval_seconds: d.notification.repeatIntervalSeconds,
          send_resolved: d.notification.sendResolved,
        })),
      ),
    ],
  );
  // Active all week: one rule's own silence, and one muting a team's alerts.
  await db.query(
    `INSERT INTO alert_silences (rule_id, matchers, starts_at, ends_at, comment, author)
     VALUES ((SELECT id FROM alert_configs ORDER BY name LIMIT 1), '[]', $1, $2,
         'Known noisy rule', 'bench@example.com'),
       (NULL, '[{"label": "team", "operator": "=", "value": "web"}]', $1, $2,
         'Web team on holiday', 'bench@example.com')`,
    [new Date(Date.now() - 30 * DAY_MS).toISOString(), new Date(Date.now() + DAY_MS).toISOString()],
  );
}

/** The rule mix of a set: rules per metric, grouped and filtered ones. */
function mixOf(drafts: readonly RuleDraft[]) {
  const byMetric: Record<string, number> = {};
  for (const d of drafts) byMetric[d.metricType] = (byMetric[d.metricType] ?? 0) + 1;
  return {
    rules: drafts.length,
    byMetric,
    groupedBy: {
      route: drafts.filter((d) => d.groupBy === 'route').length,
      source: drafts.filter((d) => d.groupBy === 'source').length,
      module: drafts.filter((d) => d.groupBy === 'module').length,
    },
    withRouteFilter: drafts.filter((d) => d.filters.route !== undefined).length,
    withTextFilter: drafts.filter((d) => d.filters.text !== undefined).length,
    windowMinutes: Object.fromEntries(
      WINDOW_MINUTES.filter((m, i) => WINDOW_MINUTES.indexOf(m) === i).map((m) => [
        m,
        drafts.filter((d) => d.windowSeconds === m * 60).length,
      ]),
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// The API in this process, and where a cycle's time goes
// ---------------------------------------------------------------------------------------------

const APP_ENV = {
  NODE_ENV: 'production',
  JWT_SECRET: 'built-api-secret-built-api-secret-0123456789',
  // Quiet: each of the alerting queries over 500 ms would log a warning.
  LOG_LEVEL: 'error',
  LOG_PERSIST_LEVEL: 'error',
  JOBS_ENABLED: 'false',
  DB_MIGRATIONS_RUN: 'false',
  SEED_DEMO_DATA: 'false',
};

/** What the bench uses of `AlertCycle` (apps/api/src/modules/alerts/alert-cycle.ts). */
interface AlertCycleLike {
  evaluate(now: Date): Promise<{ rulesEvaluated: number; deliveriesMade: number }>;
}

interface ApiRuntime {
  createApp(options: { config: AppConfig; databaseUrl: string }): Promise<INestApplication>;
  AlertCycle: Type<AlertCycleLike>;
}

/**
 * `createApp` and `AlertCycle`, loaded when the bench runs rather than imported: their module
 * graph holds the API's DTOs and entities, which the bench's type check (with strict property
 * initialisation, which the API turns off) would reject.
 */
async function apiRuntime(): Promise<ApiRuntime> {
  const createAppModule = '../apps/api/src/app/create-app';
  const alertCycleModule = '../apps/api/src/modules/alerts/alert-cycle';
  const [app, cycle] = (await Promise.all([import(createAppModule), import(alertCycleModule)])) as [
    Pick<ApiRuntime, 'createApp'>,
    Pick<ApiRuntime, 'AlertCycle'>,
  ];
  return { createApp: app.createApp, AlertCycle: cycle.AlertCycle };
}

async function bootApp(api: ApiRuntime, databaseUrl: string): Promise<INestApplication> {
  return api.createApp({
    config: loadConfig({ ...APP_ENV, DATABASE_URL: databaseUrl }),
    databaseUrl,
  });
}

interface Statement {
  label: string;
  sql: string;
  params: unknown[];
  startMs: number;
  ms: number;
  rows: number;
}

/** What a statement does, for the breakdown: the family it reads, or its table and verb. */
function labelOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.startsWith('/* alerting */')) {
    const table = flat.match(
      /(?:FROM|JOIN) (performance_metrics|slow_requests|slow_queries|exception_counts|exception_groups|app_logs)\b/,
    )?.[1];
    return `family read: ${table ?? '?'}`;
  }
  // The statement's own table: the first one named outside parentheses (subqueries).
  let depth = 0;
  let outer = '';
  for (const character of flat) {
    if (character === '(') depth += 1;
    else if (character === ')') depth -= 1;
    else if (depth === 0) outer += character;
  }
  const verb = outer.match(
    /^(?:\/\*.*?\*\/ )?(SELECT|INSERT|UPDATE|DELETE|START|COMMIT|ROLLBACK|BEGIN)\b/i,
  )?.[1];
  if (!verb) return flat.slice(0, 40);
  const table =
    outer.match(/ (?:FROM|INTO|UPDATE) "?(\w+)"?/i)?.[1] ?? outer.match(/^UPDATE "?(\w+)"?/i)?.[1];
  return table ? `${verb.toUpperCase()} ${table}` : verb.toUpperCase();
}

/** Runs `work` with every statement any TypeORM query runner sends timed. */
async function withStatementsTimed<T>(work: () => Promise<T>) {
  const prototype = PostgresQueryRunner.prototype;
  const original = prototype.query;
  const statements: Statement[] = [];
  const origin = performance.now();
  prototype.query = async function (
    this: PostgresQueryRunner,
    query: string,
    parameters?: unknown[],
    structured?: boolean,
  ) {
    const start = performance.now();
    const result: unknown = await original.call(this, query, parameters, structured as false);
    const rows = Array.isArray(result) ? result.length : 0;
    statements.push({
      label: labelOf(query),
      sql: query,
      params: parameters ?? [],
      startMs: start - origin,
      ms: performance.now() - start,
      rows,
    });
    return result;
  } as typeof original;
  try {
    const result = await work();
    return { result, statements, ms: performance.now() - origin };
  } finally {
    prototype.query = original;
  }
}

interface PlanSummary {
  executionMs: number;
  planningMs: number;
  nodes: string[];
  plan: string[];
}

async function explain(db: DataSource, statement: Statement): Promise<PlanSummary> {
  const rows: { 'QUERY PLAN': string }[] = await db.query(
    `EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`,
    statement.params,
  );
  const plan = rows.map((row) => row['QUERY PLAN']);
  const time = (label: string) =>
    Number(plan.find((line) => line.includes(label))?.match(/([\d.]+) ms/)?.[1] ?? NaN);
  const nodes: string[] = [];
  for (const line of plan) {
    const node = line.match(/^\s*(?:->\s+)?([A-Z][^(]*?)\s+\(cost/)?.[1];
    if (node && nodes.length < 8) nodes.push(node);
  }
  return { executionMs: time('Execution Time'), planningMs: time('Planning Time'), nodes, plan };
}

const round1 = (ms: number) => Math.round(ms * 10) / 10;

const isFamilyRead = (statement: Statement) => statement.label.startsWith('family read');

/** Time with at least one of `statements` under way (some run side by side). */
function wallTimeOf(statements: readonly Statement[]): number {
  const spans = statements
    .map((s) => [s.startMs, s.startMs + s.ms] as const)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let [from, to] = [-Infinity, -Infinity];
  for (const [start, end] of spans) {
    if (start > to) {
      if (to > from) total += to - from;
      [from, to] = [start, end];
    } else if (end > to) {
      to = end;
    }
  }
  return to > from ? total + (to - from) : total;
}

/**
 * Where a cycle's time goes. One cycle with every statement timed: the family reads run
 * together (their times overlap, and include waiting for this process while it merges request
 * histograms), so they count as one phase, from the first sent to the last answered; the other
 * statements run one after another; the rest is this process's own work. Then each family read
 * alone (median of 3): the whole read, its statement (server, transfer and row parsing), the
 * server's part from `EXPLAIN (ANALYZE, BUFFERS)`, and what is left: work in this process.
 */
async function diagnose(api: ApiRuntime, app: INestApplication, now: Date) {
  const db = app.get(DataSource);
  const traced = await withStatementsTimed(() => app.get(api.AlertCycle).evaluate(now));
  const reads = traced.statements.filter(isFamilyRead);
  const others = traced.statements.filter((statement) => !isFamilyRead(statement));
  const familyPhaseMs =
    reads.length === 0
      ? 0
      : Math.max(...reads.map((r) => r.startMs + r.ms)) - Math.min(...reads.map((r) => r.startMs));
  const otherSqlMs = wallTimeOf(others);
  const byLabel = new Map<string, { statements: number; ms: number; rows: number }>();
  for (const statement of others) {
    const entry = byLabel.get(statement.label) ?? { statements: 0, ms: 0, rows: 0 };
    entry.statements += 1;
    entry.ms += statement.ms;
    entry.rows += statement.rows;
    byLabel.set(statement.label, entry);
  }
  const sequentialStatements = [...byLabel]
    .map(([label, entry]) => ({ label, ...entry, ms: round1(entry.ms) }))
    .sort((a, b) => b.ms - a.ms);

  // The slowest of the others, with the plans of the reads among them.
  const slowestStatements = [];
  for (const statement of [...others].sort((a, b) => b.ms - a.ms).slice(0, 5)) {
    const isRead = statement.label.startsWith('SELECT');
    slowestStatements.push({
      label: statement.label,
      ms: round1(statement.ms),
      rows: statement.rows,
      sql: statement.sql.replace(/\s+/g, ' ').trim().slice(0, 200),
      explain: isRead ? await explain(db, statement) : undefined,
    });
  }

  const rules: AlertRule[] = (await app.get(AlertRulesStore).list()).filter((r) => r.enabled);
  const readers = app.get(MetricReaders);
  const families = [];
  for (const [family, members] of byFamily(rules) as Map<MetricFamily, AlertRule[]>) {
    const runs = [];
    for (let i = 0; i < 3; i++) {
      const run = await withStatementsTimed(() => readers.read(family, members, now));
      const query = run.statements.find(isFamilyRead);
      if (!query) throw new Error(`No ${family} statement seen`);
      runs.push({ ms: run.ms, query });
    }
    runs.sort((a, b) => a.ms - b.ms);
    const { ms: readMs, query } = runs[1];
    const plan = await explain(db, query);
    families.push({
      family,
      rules: members.length,
      readMs: round1(readMs),
      statementMs: round1(query.ms),
      inProcessMs: round1(readMs - query.ms),
      rowsReturned: query.rows,
      explain: {
        executionMs: plan.executionMs,
        planningMs: plan.planningMs,
        nodes: plan.nodes,
        sql: query.sql.replace(/\s+/g, ' ').trim(),
        plan: plan.plan,
      },
    });
  }
  return {
    cycleMs: round1(traced.ms),
    statements: traced.statements.length,
    familyReadsPhaseMs: round1(familyPhaseMs),
    sequentialStatementsMs: round1(otherSqlMs),
    restInProcessMs: round1(traced.ms - familyPhaseMs - otherSqlMs),
    sequentialStatements,
    slowestStatements,
    familyReadsInCycle: reads.map((r) => ({
      label: r.label,
      startMs: round1(r.startMs),
      ms: round1(r.ms),
      rows: r.rows,
    })),
    families,
  };
}

// ---------------------------------------------------------------------------------------------

interface Cycle {
  rules: SetSize;
  round: number;
  now: string;
  ms: number;
  rulesEvaluated: number;
  deliveriesMade: number;
  instances: number;
  alertingInstances: number;
  alertingRules: number;
}

/** 100, 1000, 1000, 100, 100, 1000, …: each set goes first as often as the other. */
function schedule(rounds: number): SetSize[] {
  const order: SetSize[] = [];
  for (let i = 0; i < rounds; i++)
    order.push(...((i % 2 === 0 ? [100, 1000] : [1000, 100]) as SetSize[]));
  return order;
}

async function stateOf(db: DataSource) {
  const [row] = (await db.query(
    `SELECT count(*)::int AS instances,
       count(*) FILTER (WHERE state IN ('firing', 'recovering'))::int AS alerting,
       count(DISTINCT rule_id) FILTER (WHERE state IN ('firing', 'recovering'))::int AS rules
     FROM alert_instances`,
  )) as [{ instances: number; alerting: number; rules: number }];
  return row;
}

async function main(): Promise<void> {
  const database = await openDatabaseServerOf(['BENCH_DATABASE_URL', 'TEST_DATABASE_URL']);
  const loadBefore = loadavg();
  let api: BuiltApi | undefined;
  let cloneUrl: string | undefined;
  const apps: Partial<Record<SetSize, INestApplication>> = {};
  try {
    api = await startBuiltApi(database.url, 'alerts', {
      JOBS_ENABLED: 'false',
      LOG_PERSIST_LEVEL: 'warn',
    });
    // It made and migrated the database; the cycle runs in this process (see the top).
    await api.terminate();
    const seedUrl = api.databaseUrl;

    const end = new Date(Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS);
    const start = new Date(end.getTime() - DAYS * DAY_MS);
    const runtime = await apiRuntime();
    const app = await bootApp(runtime, seedUrl);
    const known = app.get(KnownRoutes).list();
    const apiRoutes = known.filter((route) => route.path.startsWith('/api/v1/'));
    const routes = Array.from(
      { length: Math.min(ROUTES, apiRoutes.length) },
      (_, i) => apiRoutes[Math.floor((i * apiRoutes.length) / Math.min(ROUTES, apiRoutes.length))],
    );
    await app.close();
    const series = seriesOf(routes);

    console.log(
      `Seeding ${DAYS} days up to ${end.toISOString()}: ${routes.length} routes and ` +
        `${QUERY_KINDS.length} query kinds × ${INSTANCES} instances of minute rows, ` +
        `${format(SLOW_REQUESTS)} slow requests, ${format(SLOW_QUERIES)} slow queries, ` +
        `${EXCEPTION_GROUPS} exception groups, ${format(LOGS)} logs`,
    );
    const seeded = await timed(() =>
      withClient(seedUrl, async (client) => {
        await client.query('SELECT setseed(0.16)');
        await seedMetrics(client, series, start);
        await seedSlowSamples(client, series, start);
        await seedExceptions(client, start, end);
        await seedLogs(client, start, end);
        await client.query(
          `INSERT INTO notification_channels (name, type, settings)
           VALUES ('On call', 'email', '{"addresses": ["oncall@example.com"]}')`,
        );
        const vacuum = await timed(() => client.query('VACUUM (ANALYZE)'));
        console.log(`   VACUUM (ANALYZE) ${format(vacuum.ms / 1000, 1)} s`);
      }),
    );
    const data = await withClient(seedUrl, async (client) => {
      const count = async (from: string) =>
        Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${from}`)).rows[0]?.n);
      const size = await client.query<{ metrics: string; total: string }>(
        `SELECT pg_total_relation_size('performance_metrics') AS metrics,
           pg_database_size(current_database()) AS total`,
      );
      return {
        days: DAYS,
        from: start.toISOString(),
        to: end.toISOString(),
        routes: routes.length,
        instances: INSTANCES,
        performanceMetricsRows: await count('performance_metrics'),
        httpRequestRowsPerMinute: routes.length * INSTANCES,
        slowRequests: await count('slow_requests'),
        slowQueries: await count('slow_queries'),
        exceptionGroups: await count('exception_groups'),
        exceptionCountRows: await count('exception_counts'),
        appLogs: await count('app_logs'),
        performanceMetricsMegabytes: Math.round(Number(size.rows[0]?.metrics) / 1024 ** 2),
        databaseMegabytes: Math.round(Number(size.rows[0]?.total) / 1024 ** 2),
        seedSeconds: Number((seeded.ms / 1000).toFixed(1)),
      };
    });
    console.log(
      `   ${format(data.performanceMetricsRows)} metric rows (${format(data.performanceMetricsMegabytes)} MB), ` +
        `${format(data.appLogs)} logs, ${format(data.exceptionCountRows)} exception counts; ` +
        `seeded in ${format(data.seedSeconds, 1)} s`,
    );

    // One copy per set, so each keeps its own instances and groups between cycles.
    const clone = `${new URL(seedUrl).pathname.slice(1)}_1000`;
    const copied = await timed(() =>
      sql(
        withDatabase(database.url, 'postgres'),
        `CREATE DATABASE "${clone}" TEMPLATE "${new URL(seedUrl).pathname.slice(1)}" STRATEGY FILE_COPY`,
      ),
    );
    cloneUrl = withDatabase(database.url, clone);
    console.log(`   copied for the second set in ${format(copied.ms / 1000, 1)} s`);

    const [{ id: contactPointId }] = (await withClient(
      seedUrl,
      async (client) =>
        (await client.query<{ id: string }>(`SELECT id FROM notification_channels`)).rows,
    )) as [{ id: string }];
    const urls: Record<SetSize, string> = { 100: seedUrl, 1000: cloneUrl };
    for (const size of SET_SIZES) apps[size] = await bootApp(runtime, urls[size]);
    const http = series.filter((s) => s.metricType === 'http_request');
    const drafts = Array.from({ length: 1000 }, (_, i) => ruleDraft(i + 1, http, contactPointId));
    // Cycles one interval apart, the last (the diagnosis) two minutes before the data ends.
    const cycles = WARM_UP + ROUNDS + 1;
    const nowOf = (k: number) =>
      new Date(end.getTime() - (cycles + 1 - k) * INTERVAL_SECONDS * 1000 - 25_000);
    const midway = nowOf(Math.floor(cycles / 2));
    await calibrate((apps[100] as INestApplication).get(MetricReaders), drafts, midway, end);
    for (const draft of drafts) {
      const problems = ruleProblems(draft, known);
      if (Object.keys(problems).length > 0) {
        throw new Error(`Generated rule ${draft.name} is invalid: ${JSON.stringify(problems)}`);
      }
    }
    for (const size of SET_SIZES) {
      await insertRules((apps[size] as INestApplication).get(DataSource), drafts.slice(0, size));
    }
    const mix = { 100: mixOf(drafts.slice(0, 100)), 1000: mixOf(drafts) };
    console.log(
      `Rules: ${Object.entries(mix[1000].byMetric)
        .map(([metric, n]) => `${metric} ${n}`)
        .join(', ')}; grouped by route ${mix[1000].groupedBy.route}`,
    );

    const done: Record<SetSize, number> = { 100: 0, 1000: 0 };
    const run = async (size: SetSize, measured: boolean): Promise<Cycle> => {
      const target = apps[size] as INestApplication;
      const now = nowOf(done[size]);
      done[size] += 1;
      const result = await timed(() => target.get(runtime.AlertCycle).evaluate(now));
      if (result.result.rulesEvaluated !== size) {
        throw new Error(`${size} rules set: ${result.result.rulesEvaluated} rules were due`);
      }
      const state = await stateOf(target.get(DataSource));
      await sleep(SETTLE_MS);
      const cycle: Cycle = {
        rules: size,
        round: done[size] - WARM_UP,
        now: now.toISOString(),
        ms: round1(result.ms),
        rulesEvaluated: result.result.rulesEvaluated,
        deliveriesMade: result.result.deliveriesMade,
        instances: state.instances,
        alertingInstances: state.alerting,
        alertingRules: state.rules,
      };
      console.log(
        `${measured ? '' : '(warm-up) '}${String(size).padStart(4)} rules  ${format(cycle.ms, 1).padStart(8)} ms  ` +
          `${cycle.instances} instances, ${cycle.alertingInstances} alerting in ${cycle.alertingRules} rules, ` +
          `${cycle.deliveriesMade} deliveries made`,
      );
      return cycle;
    };

    console.log(`\n${WARM_UP} unmeasured cycles per set, then ${ROUNDS} measured, interleaved`);
    for (let i = 0; i < WARM_UP; i++) for (const size of SET_SIZES) await run(size, false);
    const measured: Cycle[] = [];
    for (const size of schedule(ROUNDS)) measured.push(await run(size, true));

    console.log('\nDiagnosis: one cycle with its statements timed, each family read alone');
    const diagnosis: Record<string, Awaited<ReturnType<typeof diagnose>>> = {};
    for (const size of SET_SIZES) {
      const report = await diagnose(runtime, apps[size] as INestApplication, nowOf(done[size]));
      done[size] += 1;
      diagnosis[`rules${size}`] = report;
      console.log(
        `  ${size} rules: cycle ${format(report.cycleMs, 1)} ms, ${report.statements} statements`,
      );
      console.log(
        `     family reads (together) ${format(report.familyReadsPhaseMs, 1)} ms; other statements (wall) ` +
          `${format(report.sequentialStatementsMs, 1)} ms; the rest in this process ` +
          `${format(report.restInProcessMs, 1)} ms`,
      );
      for (const statement of report.slowestStatements.filter((s) => s.explain)) {
        console.log(
          `     slowest read ${statement.label} ${format(statement.ms, 1)} ms in the cycle, ` +
            `${format(statement.explain?.executionMs ?? NaN, 1)} ms in EXPLAIN ANALYZE`,
        );
      }
      for (const kind of report.sequentialStatements.slice(0, 6)) {
        console.log(
          `     ${kind.label.padEnd(30)} ${String(kind.statements).padStart(4)}×  ${format(kind.ms, 1).padStart(8)} ms  ${format(kind.rows)} rows`,
        );
      }
      for (const family of report.families) {
        console.log(
          `     alone: ${family.family.padEnd(21)} ${String(family.rules).padStart(4)} rules ` +
            `${format(family.readMs, 1).padStart(8)} ms = statement ${format(family.statementMs, 1)} ` +
            `(server ${format(family.explain.executionMs, 1)}, ${format(family.rowsReturned)} rows) ` +
            `+ in process ${format(family.inProcessMs, 1)}; ${family.explain.nodes.slice(0, 4).join(' → ')}`,
        );
      }
    }

    const sets = Object.fromEntries(
      SET_SIZES.map((size) => {
        const of = measured.filter((c) => c.rules === size);
        const latency: LatencySummary = summarise(of.map((c) => c.ms));
        return [
          size,
          {
            rules: size,
            cycles: latency,
            msPerRule: Number((latency.p50Ms / size).toFixed(3)),
            alertingInstances: of[of.length - 1]?.alertingInstances ?? 0,
            instances: of[of.length - 1]?.instances ?? 0,
            mix: mix[size],
          },
        ];
      }),
    ) as Record<
      SetSize,
      {
        rules: number;
        cycles: LatencySummary;
        msPerRule: number;
        alertingInstances: number;
        instances: number;
        mix: ReturnType<typeof mixOf>;
      }
    >;
    const ratio = sets[1000].cycles.p50Ms / sets[100].cycles.p50Ms;
    const met = sets[1000].cycles.p95Ms <= TARGET_1000_MS;

    console.log(
      `\nAlert evaluation cycle over ${format(data.performanceMetricsRows)} metric rows, ${ROUNDS} cycles per set, interleaved`,
    );
    console.log('  rules   p50 ms   p95 ms   max ms   ms/rule   instances (alerting)');
    for (const size of SET_SIZES) {
      const s = sets[size];
      console.log(
        `  ${String(size).padStart(5)} ${format(s.cycles.p50Ms, 1).padStart(8)} ${format(s.cycles.p95Ms, 1).padStart(8)} ` +
          `${format(s.cycles.maxMs, 1).padStart(8)} ${format(s.msPerRule, 2).padStart(9)}   ${s.instances} (${s.alertingInstances})`,
      );
    }
    console.log(
      `  ratio 1000/100 (p50): ${format(ratio, 2)}; target: 1000 rules ≤ ${TARGET_1000_MS} ms (p95): ${met ? 'met' : 'NOT met'}`,
    );
    const loadAfter = loadavg();
    console.log(
      `  load average before ${loadBefore.map((n) => n.toFixed(2)).join(' ')}, after ${loadAfter.map((n) => n.toFixed(2)).join(' ')}`,
    );

    const db = (apps[1000] as INestApplication).get(DataSource);
    const [{ server_version: version }] = (await db.query('SHOW server_version')) as [
      { server_version: string },
    ];
    const settings: Record<string, string> = Object.fromEntries(
      (
        (await db.query(
          `SELECT name, setting || coalesce(unit, '') AS value FROM pg_settings
           WHERE name IN ('shared_buffers', 'work_mem', 'max_parallel_workers_per_gather', 'jit',
             'synchronous_commit', 'max_wal_size')`,
        )) as { name: string; value: string }[]
      ).map(({ name, value }) => [name, value]),
    );
    writeResult('alerts', {
      benchmark: 'AlertCycle.evaluate(now) with 100 and 1 000 enabled rules, interleaved cycles',
      date: new Date().toISOString(),
      ...machine(),
      postgres: version,
      postgresSettings: settings,
      loadAverage: { before: loadBefore, after: loadAfter },
      note:
        'A 2-core machine shared with other work: see loadAverage. The cycle runs in the ' +
        "bench's process on the API's modules (createApp), on a database the built API migrated; " +
        'one database copy per rule set; every rule is due in every cycle.',
      data,
      warmUpCyclesPerSet: WARM_UP,
      cyclesPerSet: ROUNDS,
      rules100: sets[100],
      rules1000: sets[1000],
      ratio1000Over100: Number(ratio.toFixed(2)),
      targetMs1000Rules: TARGET_1000_MS,
      met,
      cycles: measured,
      diagnosis,
    });
  } finally {
    for (const size of SET_SIZES) await apps[size]?.close();
    if (cloneUrl) {
      await sql(
        withDatabase(database.url, 'postgres'),
        `DROP DATABASE IF EXISTS "${new URL(cloneUrl).pathname.slice(1)}" WITH (FORCE)`,
      );
    }
    await api?.stop();
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
