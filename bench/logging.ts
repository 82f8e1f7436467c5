/**
 * Stored logs (`app_logs`) end to end, in one run on one fresh database:
 *
 * 1. Ingest: log records/s stored through `POST /api/v1/logging/logs/batch` (autocannon,
 *    BENCH_CONNECTIONS clients, 100 fresh entries of ~370 bytes a batch, anonymous), counted in
 *    the table afterwards, beside the raw ceiling of the same table: one `COPY app_logs FROM
 *    STDIN` (pg-copy-streams) of as many similar rows, with the same indexes. Target: the API
 *    stores at least 60% of the COPY rate (medians of BENCH_ROUNDS rounds). In between, as a
 *    diagnosis, the API's own writer (AppLogWriter's INSERT) run in this process on as many
 *    rows, BENCH_CONNECTIONS at a time: what HTTP, validation and redaction add to the SQL.
 * 2. Queries on BENCH_ROWS generated rows over the last 10 UTC days: p50/p95/mean of sequential
 *    requests through the API and of the same SQL run directly (the API's LogsQueryService and
 *    LogStatisticsService on a plain TypeORM DataSource), for the LogViewer's first page, a
 *    trace lookup, a deep page of `level=error` (50 pages down) and the statistics of 7 days,
 *    with `EXPLAIN (ANALYZE, BUFFERS)` of the direct SQL. Targets: p95 ≤ 15 ms for the pages,
 *    ≤ 300 ms for the statistics.
 * 3. Retention: `DROP TABLE` of one day partition vs `DELETE` of an identical day's rows.
 *
 * The API runs with LOG_PERSIST_LEVEL=warn, so its own request lines do not land in `app_logs`
 * (ingest counts only `source = 'frontend'` rows anyway). Prints a table and writes every figure,
 * plans included, to bench/results/logging.json. It measures; it asserts nothing.
 *
 * Run: `npm run bench:logging` (builds the API first; ~15 minutes with the defaults). Env:
 * BENCH_DATABASE_URL (else an embedded PostgreSQL), BENCH_ROWS (2000000), BENCH_SECONDS (API
 * ingest per round, 20), BENCH_CONNECTIONS (ingest, 10), BENCH_ROUNDS (ingest rounds, medians
 * reported, 2), BENCH_SAMPLES (timed requests per page query, 200), BENCH_STATISTICS_SAMPLES
 * (100), BENCH_RETENTION_ROWS (rows of each retention day, 200000).
 */
import './support/api-paths';
import { LOG_SEVERITY_NUMBERS, LogLevel } from '@ledgerlens/contracts';
import autocannon from 'autocannon';
import { messageTemplateOf } from '../apps/api/src/common/text/message-template';
import type { AppLogRecord } from '../apps/api/src/modules/logging/persistence/app-log-record';
import { createHash, randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { BuiltApi, openDatabaseServerOf, startBuiltApi, withClient } from '../apps/api/harness';
import { LatencySummary, timed, timeSequential } from './support/latency';
import {
  CapturedQuery,
  LogServices,
  logQueryServices,
  logWriter,
  recordingRunner,
} from './support/log-services';
import { generators, seededRandom } from './support/random';
import { writeResult } from './support/results';

const ROWS = Number(process.env['BENCH_ROWS'] ?? 2_000_000);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 20);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 10);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 2);
const SAMPLES = Number(process.env['BENCH_SAMPLES'] ?? 200);
const STATISTICS_SAMPLES = Number(process.env['BENCH_STATISTICS_SAMPLES'] ?? 100);
const RETENTION_ROWS = Number(process.env['BENCH_RETENTION_ROWS'] ?? 200_000);

const WARM_UP_SECONDS = 3;
const WARM_UP_REQUESTS = 20;
const STATISTICS_WARM_UP_REQUESTS = 5;
const ENTRIES_PER_BATCH = 100;
/** Rows spread over this many days: 7 days then hold about 470k, as in the issue's figures. */
const DAYS = 30;
const DAY_MS = 86_400_000;
const DEEP_PAGES = 50;
/** Generated rows with a trace ID: 1 in TRACE_EVERY, TRACE_ROWS of them share one. */
const TRACE_EVERY = 20;
const TRACE_ROWS = 10;
const ADMIN = { email: 'bench-admin@example.com', password: 'bench-admin-password' };
const USER_AGENT = 'bench/1.0';

/** Which parts to run, e.g. `BENCH_PARTS=ingest` while working on one of them. */
const PARTS = new Set((process.env['BENCH_PARTS'] ?? 'ingest,queries,retention').split(','));

const TARGETS = { ingestRatio: 0.6, pageP95Ms: 15, statisticsP95Ms: 300 };

const next = seededRandom(7);
const { pick, hex } = generators(next);
const format = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

// ---------------------------------------------------------------------------------------------
// 1. Ingest
// ---------------------------------------------------------------------------------------------

const PAGES = ['TransactionsPage', 'DashboardPage', 'BudgetsPage', 'AccountsPage', 'LogViewer'];
const SESSIONS = Array.from({ length: 50 }, () => `s-${hex(16)}`);

/** One browser entry as the web app sends it: ~370 bytes of JSON with a small context. */
function browserEntry(now: number) {
  const roll = next();
  const level: LogLevel =
    roll < 0.002
      ? 'fatal'
      : roll < 0.022
        ? 'error'
        : roll < 0.072
          ? 'warn'
          : roll < 0.6
            ? 'info'
            : 'debug';
  const page = pick(PAGES);
  const count = Math.floor(next() * 500);
  const durationMs = Math.floor(next() * 900);
  const message =
    level === 'error' || level === 'fatal'
      ? `Request ${count} to /api/v1/transactions failed with status 503 after ${durationMs} ms`
      : level === 'warn'
        ? `Slow render of ${page}: ${durationMs} ms for ${count} rows`
        : `Loaded ${count} transactions for account ${count % 7} in ${durationMs} ms`;
  return {
    clientId: randomUUID(),
    timestamp: new Date(now - Math.floor(next() * 5000)).toISOString(),
    level,
    message,
    module: page,
    traceId: next() < 0.3 ? hex(32) : undefined,
    sessionId: pick(SESSIONS),
    url: `http://localhost:4200/${page.replace('Page', '').toLowerCase()}?page=${count % 9}`,
    context: { component: `${page}Table`, rows: count, durationMs, online: true },
  };
}

type BrowserEntry = ReturnType<typeof browserEntry>;

function batchBody(): string {
  const now = Date.now();
  return JSON.stringify({
    entries: Array.from({ length: ENTRIES_PER_BATCH }, () => browserEntry(now)),
  });
}

const COPY_COLUMNS =
  'logged_at, level, severity_number, source, module, message, trace_id, user_id, ' +
  'request_method, request_path, status_code, duration_ms, extra_data, client_id';
const COPY_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
};
const copyValue = (value: string | number | null | undefined) =>
  value === null || value === undefined
    ? '\\N'
    : String(value).replace(/[\\\t\n\r]/g, (character) => COPY_ESCAPES[character]);

/** The record the API makes of an anonymous browser entry (LogIngestService.recordOf). */
function recordOf(entry: BrowserEntry): AppLogRecord {
  return {
    loggedAt: entry.timestamp,
    level: entry.level,
    source: 'frontend',
    module: entry.module,
    message: entry.message,
    traceId: entry.traceId ?? null,
    userId: null,
    requestMethod: null,
    requestPath: null,
    statusCode: null,
    durationMs: null,
    extraData: {
      ...entry.context,
      sessionId: entry.sessionId,
      url: entry.url,
      userAgent: USER_AGENT,
      anonymous: true,
    },
    clientId: entry.clientId,
  };
}

/** A record as a line of COPY text. */
function copyLine(record: AppLogRecord): string {
  return `${[
    record.loggedAt,
    record.level,
    LOG_SEVERITY_NUMBERS[record.level],
    record.source,
    record.module,
    record.message,
    record.traceId,
    record.userId,
    record.requestMethod,
    record.requestPath,
    record.statusCode,
    record.durationMs,
    JSON.stringify(record.extraData),
    record.clientId,
  ]
    .map(copyValue)
    .join('\t')}\n`;
}

async function frontendRows(db: DataSource): Promise<number> {
  const [{ count }] = await db.query(
    `SELECT count(*)::int AS count FROM app_logs WHERE source = 'frontend'`,
  );
  return count;
}

/** Empties `app_logs` (every partition) and flushes, so a write test starts from the same state. */
async function emptyLogs(db: DataSource): Promise<void> {
  await db.query('TRUNCATE app_logs');
  await db.query('CHECKPOINT');
}

/** Distinct request bodies, made before the timed run so that making them costs it nothing. */
const BODY_TEMPLATES = 200;
const CLIENT_ID_MARK = '"clientId":"';

/**
 * Bodies to send, each time with fresh client IDs (so every entry is new): the templates are
 * made once, cut at their client IDs, and joined again with new ones.
 */
function bodySource(): () => string {
  const templates = Array.from({ length: BODY_TEMPLATES }, () =>
    batchBody()
      .split(CLIENT_ID_MARK)
      .map((part, index) => (index === 0 ? part : part.slice(36))),
  );
  let sent = 0;
  return () => {
    const parts = templates[sent++ % templates.length];
    let body = parts[0];
    for (let i = 1; i < parts.length; i++) body += `${CLIENT_ID_MARK}${randomUUID()}${parts[i]}`;
    return body;
  };
}

function ingestLoad(
  server: BuiltApi,
  seconds: number,
  stored: { count: number },
  nextBody = bodySource(),
) {
  return autocannon({
    url: `${server.baseUrl}/api/v1/logging/logs/batch`,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'content-type': 'application/json', 'user-agent': USER_AGENT },
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => ({ ...request, body: nextBody() }),
        onResponse: (status, body) => {
          if (status === 200) stored.count += (JSON.parse(body) as { stored: number }).stored;
        },
      },
    ],
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const seconds = (ms: number) => Number((ms / 1000).toFixed(2));

/** Stores rows through the API for SECONDS, then as many with the writer's INSERT and COPY. */
async function ingestRound(server: BuiltApi, db: DataSource, round: number) {
  await ingestLoad(server, WARM_UP_SECONDS, { count: 0 });
  await emptyLogs(db);

  const reported = { count: 0 };
  const bodies = bodySource();
  const load = await timed(() => ingestLoad(server, SECONDS, reported, bodies));
  await new Promise((done) => setTimeout(done, 500));
  const rows = await frontendRows(db);
  const result = load.result;
  const api = {
    rowsStored: rows,
    rowsReportedStored: reported.count,
    elapsedSeconds: seconds(load.ms),
    rowsPerSecond: Math.round(rows / (load.ms / 1000)),
    batches: result.requests.total,
    batchLatencyP50Ms: result.latency.p50,
    batchLatencyP99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };

  // The writer's INSERT alone, as many rows, CONNECTIONS batches at a time: no HTTP, no Nest.
  await emptyLogs(db);
  const writer = logWriter(db);
  const batches: AppLogRecord[][] = [];
  for (let i = 0; i < rows; i += ENTRIES_PER_BATCH) {
    const now = Date.now();
    const size = Math.min(ENTRIES_PER_BATCH, rows - i);
    batches.push(Array.from({ length: size }, () => recordOf(browserEntry(now))));
  }
  const direct = await timed(async () => {
    let nextBatch = 0;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (nextBatch < batches.length) await writer.write(batches[nextBatch++]);
      }),
    );
  });
  const written = await frontendRows(db);
  const writerInsert = {
    rows: written,
    elapsedSeconds: seconds(direct.ms),
    rowsPerSecond: Math.round(written / (direct.ms / 1000)),
  };

  await emptyLogs(db);
  const lines: string[] = [];
  const now = Date.now();
  for (let i = 0; i < rows; i += 1000) {
    const size = Math.min(1000, rows - i);
    lines.push(Array.from({ length: size }, () => copyLine(recordOf(browserEntry(now)))).join(''));
  }
  const copied = await timed(() =>
    withClient(server.databaseUrl, (client) =>
      pipeline(
        Readable.from(lines),
        client.query(copyFrom(`COPY app_logs (${COPY_COLUMNS}) FROM STDIN`)),
      ),
    ),
  );
  const copiedRows = await frontendRows(db);
  const copy = {
    rows: copiedRows,
    elapsedSeconds: seconds(copied.ms),
    rowsPerSecond: Math.round(copiedRows / (copied.ms / 1000)),
  };
  await emptyLogs(db);

  console.log(
    `   round ${round}: API ${format(api.rowsPerSecond)} rows/s (${format(rows)} rows in ` +
      `${format(api.elapsedSeconds, 1)} s, ${format(api.batches)} batches, p50 ${api.batchLatencyP50Ms} ms, ` +
      `p99 ${api.batchLatencyP99Ms} ms, errors ${api.errors + api.non2xx}); writer INSERT ` +
      `${format(writerInsert.rowsPerSecond)} rows/s; COPY ${format(copy.rowsPerSecond)} rows/s`,
  );
  return { round, api, writerInsert, copy };
}

async function ingest(server: BuiltApi, db: DataSource) {
  const entryBytes = Buffer.byteLength(batchBody()) / ENTRIES_PER_BATCH;
  console.log(
    `\n1. Ingest: POST /api/v1/logging/logs/batch, ${CONNECTIONS} connections, ${SECONDS} s, ` +
      `${ENTRIES_PER_BATCH} entries (~${format(entryBytes)} bytes each) a batch; then the ` +
      `writer's INSERT (${CONNECTIONS} at a time) and one COPY of as many rows; ${ROUNDS} rounds`,
  );
  const rounds = [];
  for (let round = 1; round <= ROUNDS; round++) rounds.push(await ingestRound(server, db, round));
  const api = Math.round(median(rounds.map((r) => r.api.rowsPerSecond)));
  const writerInsert = Math.round(median(rounds.map((r) => r.writerInsert.rowsPerSecond)));
  const copy = Math.round(median(rounds.map((r) => r.copy.rowsPerSecond)));
  const ratio = api / copy;
  console.log(
    `   medians: API ${format(api)}, writer INSERT ${format(writerInsert)}, COPY ${format(copy)} ` +
      `rows/s; API / COPY = ${format(ratio * 100, 1)}% (target ≥ ${TARGETS.ingestRatio * 100}%); ` +
      `API / writer INSERT = ${format((api / writerInsert) * 100, 1)}%`,
  );
  return {
    connections: CONNECTIONS,
    secondsPerRound: SECONDS,
    rounds: ROUNDS,
    entriesPerBatch: ENTRIES_PER_BATCH,
    averageEntryBytes: Math.round(entryBytes),
    note:
      'API run with LOG_PERSIST_LEVEL=warn; only source=frontend rows are counted; each ' +
      'round stores the same number of rows three ways into an emptied app_logs (all indexes)',
    apiRowsPerSecond: api,
    writerInsertRowsPerSecond: writerInsert,
    copyRowsPerSecond: copy,
    copyStreams: 1,
    ratio: Number(ratio.toFixed(3)),
    apiOverWriterInsert: Number((api / writerInsert).toFixed(3)),
    targetRatio: TARGETS.ingestRatio,
    met: ratio >= TARGETS.ingestRatio,
    perRound: rounds,
  };
}

// ---------------------------------------------------------------------------------------------
// 2. Queries
// ---------------------------------------------------------------------------------------------

const BACKEND_MODULES = [
  'http',
  'auth',
  'transactions',
  'budgets',
  'accounts',
  'categories',
  'audit',
  'scheduler',
];
const FRONTEND_MODULES = ['TransactionsPage', 'DashboardPage', 'BudgetsPage', 'LogViewer'];
const sqlArray = (items: readonly string[]) =>
  `ARRAY[${items.map((item) => `'${item.replace(/'/g, "''")}'`).join(', ')}]`;
const ERROR_MESSAGES = [
  'Payment %s failed: upstream timeout after %s ms',
  'Could not load budget %s: connection reset by peer (attempt %s)',
  'Import of statement %s failed at row %s',
  'Deadlock detected while updating transaction %s (retry %s)',
  'Unhandled rejection in worker %s: heap limit reached at %s MB',
  'Failed to render chart %s: %s points exceed the limit',
];
/** What the writer stores as each error message's pattern (any numbers give the same). */
const ERROR_PATTERNS = ERROR_MESSAGES.map((message) =>
  messageTemplateOf(message.replace(/%s/g, '17')),
);
const WARN_MESSAGES = [
  'Slow query took %2$s ms on account %1$s',
  'Retrying request %s after %s ms',
  'Budget %s is %s%% over its limit',
];
const INFO_MESSAGES = [
  'Loaded %s transactions for account %s',
  'Cache hit for key budget:%s (%s entries)',
  'User %s signed in from session %s',
  'Rendered page in %2$s ms with %1$s components',
  'Scheduled job %s finished in %s ms',
  'Recomputed balance of account %s: %s cents',
];
const PATHS = [
  '/api/v1/transactions',
  '/api/v1/budgets',
  '/api/v1/accounts',
  '/api/v1/categories',
  '/api/v1/auth/login',
  '/api/v1/reports/monthly',
];

/**
 * Rows `$2`..`$4` (integers) of a generated log, one every `$3` from `$1`: mostly info/debug,
 * 5% warn, 2% error, 0.2% fatal; 70% backend; 12 modules; every 20th row in a trace of 10
 * (`md5(i / 200)`); two rows in three by one of 40 users; numbers in the messages.
 */
const GENERATE_ROWS = `
  INSERT INTO app_logs (${COPY_COLUMNS}, message_pattern)
  SELECT t, level,
    CASE level WHEN 'trace' THEN 1 WHEN 'debug' THEN 5 WHEN 'info' THEN 9 WHEN 'warn' THEN 13
      WHEN 'error' THEN 17 ELSE 21 END,
    source, module,
    CASE
      WHEN level IN ('error', 'fatal')
        THEN format((${sqlArray(ERROR_MESSAGES)})[1 + i % ${ERROR_MESSAGES.length}],
          i % 10007, (r2 * 5000)::int)
      WHEN level = 'warn'
        THEN format((${sqlArray(WARN_MESSAGES)})[1 + i % ${WARN_MESSAGES.length}],
          i % 997, (r2 * 3000)::int)
      WHEN module = 'http' THEN format('%s %s %s in %s ms', method, path, status, duration)
      ELSE format((${sqlArray(INFO_MESSAGES)})[1 + i % ${INFO_MESSAGES.length}],
        i % 5003, (r2 * 900)::int)
    END,
    CASE WHEN i % ${TRACE_EVERY} = 0 THEN md5((i / ${TRACE_EVERY * TRACE_ROWS})::text) END,
    CASE WHEN i % 3 <> 0
      THEN ('00000000-0000-4000-8000-' || lpad(((i / 3) % 40)::text, 12, '0'))::uuid END,
    method, path, status, duration,
    CASE WHEN source = 'backend'
      THEN jsonb_build_object('pid', 4100 + i % 4, 'hostname', 'api-' || i % 2, 'context', module)
      ELSE jsonb_build_object('sessionId', 's-' || i / 50,
        'url', 'http://localhost:4200/' || lower(module), 'release', '1.4.2')
    END,
    CASE WHEN source = 'frontend' THEN gen_random_uuid() END,
    CASE WHEN level IN ('error', 'fatal')
      THEN (${sqlArray(ERROR_PATTERNS)})[1 + i % ${ERROR_MESSAGES.length}] END
  FROM (
    SELECT g.*,
      CASE WHEN r < 0.002 THEN 'fatal' WHEN r < 0.022 THEN 'error' WHEN r < 0.072 THEN 'warn'
        WHEN r < 0.6 THEN 'info' WHEN r < 0.97 THEN 'debug' ELSE 'trace' END AS level,
      CASE WHEN i % 10 < 7 THEN 'backend' ELSE 'frontend' END AS source,
      CASE WHEN i % 10 < 7
        THEN (${sqlArray(BACKEND_MODULES)})[1 + (i / 10) % ${BACKEND_MODULES.length}]
        ELSE (${sqlArray(FRONTEND_MODULES)})[1 + (i / 10) % ${FRONTEND_MODULES.length}]
      END AS module,
      CASE WHEN i % 10 < 7 AND (i / 10) % ${BACKEND_MODULES.length} = 0 THEN 1 END AS http
    FROM (
      SELECT i, $1::timestamptz + (i - $2) * $3::interval AS t, random() AS r, random() AS r2
      FROM generate_series($2::int, $4::int) AS i
    ) g
  ) h
  CROSS JOIN LATERAL (
    SELECT
      CASE WHEN http = 1 THEN (${sqlArray(['GET', 'GET', 'GET', 'POST', 'PATCH', 'DELETE'])})[1 + i % 6] END
        AS method,
      CASE WHEN http = 1 THEN (${sqlArray(PATHS)})[1 + (i / 7) % ${PATHS.length}] END AS path,
      CASE WHEN http = 1
        THEN CASE level WHEN 'error' THEN 500 WHEN 'fatal' THEN 503 WHEN 'warn' THEN 404 ELSE 200 END
      END AS status,
      CASE WHEN http = 1 THEN (r2 * 400)::int END AS duration
  ) x`;

const utcDay = (time: number) => new Date(time).toISOString().slice(0, 10);

async function ensurePartitions(db: DataSource, fromDay: string, toDay: string): Promise<void> {
  await db.query(
    `SELECT app_logs_ensure_partition(day::date)
     FROM generate_series($1::date, $2::date, interval '1 day') AS day`,
    [fromDay, toDay],
  );
}

/** Generates rows `first`..`last` evenly from `start`, `stepMs` apart. */
async function generateRows(
  db: DataSource,
  first: number,
  last: number,
  start: Date,
  stepMs: number,
) {
  await db.query(GENERATE_ROWS, [start.toISOString(), first, `${stepMs} milliseconds`, last]);
}

async function loadQueryRows(db: DataSource) {
  console.log(`\n2. Queries: generating ${format(ROWS)} rows over ${DAYS} days`);
  const end = Date.now();
  const start = end - DAYS * DAY_MS;
  const stepMs = (DAYS * DAY_MS) / ROWS;
  await ensurePartitions(db, utcDay(start), utcDay(end));
  const chunk = Math.ceil(ROWS / 20);
  const load = await timed(async () => {
    for (let first = 1; first <= ROWS; first += chunk) {
      const last = Math.min(ROWS, first + chunk - 1);
      await generateRows(db, first, last, new Date(start + (first - 1) * stepMs), stepMs);
      process.stdout.write(`\r   ${format(last)} rows`);
    }
  });
  process.stdout.write('\n');
  const vacuum = await timed(() => db.query('VACUUM (ANALYZE) app_logs'));
  const [{ rows, bytes }] = await db.query(
    `SELECT (SELECT count(*)::int FROM app_logs) AS rows,
       (SELECT sum(pg_total_relation_size(inhrelid))::bigint FROM pg_inherits
        WHERE inhparent = 'app_logs'::regclass) AS bytes`,
  );
  const levels: { level: string; count: number }[] = await db.query(
    `SELECT level, count(*)::int AS count FROM app_logs GROUP BY 1 ORDER BY 2 DESC`,
  );
  console.log(
    `   ${format(rows)} rows, ${format(Number(bytes) / 1024 ** 2)} MB with indexes; generated ` +
      `in ${format(load.ms / 1000, 1)} s (${format(rows / (load.ms / 1000))} rows/s), ` +
      `VACUUM ANALYZE ${format(vacuum.ms / 1000, 1)} s`,
  );
  return {
    rows,
    megabytes: Math.round(Number(bytes) / 1024 ** 2),
    days: DAYS,
    generateSeconds: Number((load.ms / 1000).toFixed(1)),
    vacuumAnalyzeSeconds: Number((vacuum.ms / 1000).toFixed(1)),
    levels: Object.fromEntries(levels.map((row) => [row.level, row.count])),
  };
}

async function adminToken(server: BuiltApi): Promise<string> {
  const response = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (!response.ok) throw new Error(`Login failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

interface Scenario {
  key: string;
  name: string;
  targetP95Ms: number;
  samples: number;
  warmUp: number;
  /** Path and query of the API request. */
  request: (index: number) => string;
  direct: (services: LogServices, index: number) => Promise<unknown>;
}

interface PlanSummary {
  sql: string;
  params: unknown[];
  executionMs: number;
  planningMs: number;
  nodes: string[];
  indexes: Record<string, number>;
  seqScans: { table: string; rows: number }[];
  plan: string[];
}

/** `EXPLAIN (ANALYZE, BUFFERS)` of one captured statement, with what a reader looks for first. */
async function explain(
  db: DataSource,
  query: CapturedQuery,
  parentIndex: Map<string, string>,
): Promise<PlanSummary> {
  const rows: { 'QUERY PLAN': string }[] = await db.query(
    `EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`,
    query.params,
  );
  const plan = rows.map((row) => row['QUERY PLAN']);
  const time = (label: string) =>
    Number(plan.find((line) => line.includes(label))?.match(/([\d.]+) ms/)?.[1] ?? NaN);
  const nodes: string[] = [];
  const indexes: Record<string, number> = {};
  const seqScans: { table: string; rows: number }[] = [];
  for (const line of plan) {
    const node = line.match(/^\s*(?:->\s+)?([A-Z][A-Za-z ]*?)(?: using | on |\s+\(cost)/)?.[1];
    if (node && !nodes.includes(node)) nodes.push(node);
    const index = line
      .match(/ using (\S+)| Bitmap Index Scan on (\S+)/)
      ?.slice(1)
      .find(Boolean);
    if (index) {
      const name = parentIndex.get(index) ?? index;
      indexes[name] = (indexes[name] ?? 0) + 1;
    }
    const seq = line.match(/Seq Scan on (\S+).*actual time=\S+ rows=([\d.]+)/);
    if (seq) seqScans.push({ table: seq[1], rows: Number(seq[2]) });
  }
  return {
    sql: query.sql.replace(/\s+/g, ' ').trim(),
    params: query.params,
    executionMs: time('Execution Time'),
    planningMs: time('Planning Time'),
    nodes,
    indexes,
    seqScans,
    plan,
  };
}

function seqScanNote(scans: PlanSummary['seqScans']): string {
  if (scans.length === 0) return '';
  const rows = scans.reduce((sum, scan) => sum + scan.rows, 0);
  return `; seq scans of ${scans.length} partitions (${format(rows)} rows)`;
}

/** Partition index name → the `app_logs` index it belongs to. */
async function parentIndexes(db: DataSource): Promise<Map<string, string>> {
  const rows: { child: string; parent: string }[] = await db.query(
    `SELECT c.relname AS child, p.relname AS parent
     FROM pg_class p JOIN pg_inherits i ON i.inhparent = p.oid JOIN pg_class c ON c.oid = i.inhrelid
     WHERE p.relkind = 'I'`,
  );
  return new Map(rows.map((row) => [row.child, row.parent]));
}

function queryScenarios(traceGroups: number, deepCursor: string): Scenario[] {
  const traceOf = (index: number) =>
    createHash('md5')
      .update(String(1 + ((index * 7919 + Math.floor(next() * traceGroups)) % (traceGroups - 1))))
      .digest('hex');
  const lastWeek = () => {
    const to = new Date();
    return { from: new Date(to.getTime() - 7 * DAY_MS).toISOString(), to: to.toISOString() };
  };
  return [
    {
      key: 'firstPage',
      name: '(a) LogViewer first page',
      targetP95Ms: TARGETS.pageP95Ms,
      samples: SAMPLES,
      warmUp: WARM_UP_REQUESTS,
      request: () => '/api/v1/logging/logs?limit=100',
      direct: ({ logs }) => logs.find({}, 100),
    },
    {
      key: 'trace',
      name: '(b) trace lookup',
      targetP95Ms: TARGETS.pageP95Ms,
      samples: SAMPLES,
      warmUp: WARM_UP_REQUESTS,
      request: (index) => `/api/v1/logging/logs?traceId=${traceOf(index)}`,
      direct: ({ logs }, index) => logs.find({ traceId: traceOf(index) }, 100),
    },
    {
      key: 'deepErrorPage',
      name: `(c) level=error page ${DEEP_PAGES + 1}`,
      targetP95Ms: TARGETS.pageP95Ms,
      samples: SAMPLES,
      warmUp: WARM_UP_REQUESTS,
      request: () =>
        `/api/v1/logging/logs?level=error&limit=100&cursor=${encodeURIComponent(deepCursor)}`,
      direct: ({ logs }) => logs.find({ level: ['error'] }, 100, deepCursor),
    },
    {
      key: 'statistics7Days',
      name: '(d) statistics, 7 days',
      targetP95Ms: TARGETS.statisticsP95Ms,
      samples: STATISTICS_SAMPLES,
      warmUp: STATISTICS_WARM_UP_REQUESTS,
      request: () => {
        const { from, to } = lastWeek();
        return `/api/v1/logging/logs/statistics?from=${from}&to=${to}`;
      },
      direct: ({ statistics }) => statistics.statistics(lastWeek(), {}),
    },
  ];
}

async function queries(server: BuiltApi, db: DataSource) {
  const data = await loadQueryRows(db);
  const authorization = `Bearer ${await adminToken(server)}`;
  /** The whole answer as text: its latency is the API's, not the bench's JSON parsing. */
  const get = async (path: string) => {
    const response = await fetch(`${server.baseUrl}${path}`, { headers: { authorization } });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${body}`);
    return body;
  };
  const services = logQueryServices(db);

  // The cursor of page DEEP_PAGES + 1 of the errors, followed page by page as the LogViewer does.
  let cursor: string | null = null;
  for (let page = 0; page < DEEP_PAGES; page++) {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    cursor = (
      JSON.parse(await get(`/api/v1/logging/logs?level=error&limit=100${query}`)) as {
        nextCursor: string | null;
      }
    ).nextCursor;
    if (!cursor) throw new Error(`Fewer than ${DEEP_PAGES + 1} pages of errors`);
  }
  const deepCursor = cursor as string;
  const deepPage = await services.logs.find({ level: ['error'] }, 100, deepCursor);
  const traceGroups = Math.floor(ROWS / (TRACE_EVERY * TRACE_ROWS));
  const sampleTrace = await services.logs.find(
    {
      traceId: createHash('md5')
        .update(String(Math.floor(traceGroups / 2)))
        .digest('hex'),
    },
    100,
  );
  console.log(
    `   ${SAMPLES} sequential requests each after ${WARM_UP_REQUESTS} unmeasured ` +
      `(statistics: ${STATISTICS_SAMPLES} after ${STATISTICS_WARM_UP_REQUESTS}); ` +
      `traces of ${sampleTrace.items.length} rows; page ${DEEP_PAGES + 1} of errors starts at ` +
      `${deepPage.items[0]?.timestamp}`,
  );

  const parents = await parentIndexes(db);
  const results = [];
  for (const scenario of queryScenarios(traceGroups, deepCursor)) {
    const api = await timeSequential(scenario.samples, scenario.warmUp, (index) =>
      get(scenario.request(index)),
    );
    const direct = await timeSequential(scenario.samples, scenario.warmUp, (index) =>
      scenario.direct(services, index),
    );
    const recorder = recordingRunner(db);
    await scenario.direct(logQueryServices(recorder), 0);
    const plans = [];
    for (const query of recorder.captured) plans.push(await explain(db, query, parents));
    const met = {
      api: api.p95Ms <= scenario.targetP95Ms,
      direct: direct.p95Ms <= scenario.targetP95Ms,
    };
    console.log(
      `   ${scenario.name.padEnd(28)} API p95 ${format(api.p95Ms, 1).padStart(6)} ms, ` +
        `direct p95 ${format(direct.p95Ms, 1).padStart(6)} ms (target ≤ ${scenario.targetP95Ms})`,
    );
    for (const plan of plans) {
      const indexes = Object.entries(plan.indexes)
        .map(([name, count]) => `${name}×${count}`)
        .join(', ');
      console.log(
        `      EXPLAIN: ${format(plan.executionMs, 2)} ms; ${plan.nodes.slice(0, 5).join(' → ')}; ` +
          `indexes ${indexes || 'none'}${seqScanNote(plan.seqScans)}`,
      );
    }
    results.push({
      key: scenario.key,
      name: scenario.name,
      exampleRequest: `GET ${scenario.request(0)}`,
      targetP95Ms: scenario.targetP95Ms,
      samples: scenario.samples,
      warmUpRequests: scenario.warmUp,
      api,
      direct,
      met,
      explain: plans,
    });
  }
  return { data, scenarios: results };
}

// ---------------------------------------------------------------------------------------------
// 3. Retention
// ---------------------------------------------------------------------------------------------

async function retention(db: DataSource) {
  console.log(`\n3. Retention: two days of ${format(RETENTION_ROWS)} rows each`);
  const today = Date.parse(`${utcDay(Date.now())}T00:00:00Z`);
  const [dropped, deleted] = [40, 41].map((back) => {
    const start = today - back * DAY_MS;
    const day = utcDay(start);
    return { day, start, partition: `app_logs_p${day.replace(/-/g, '')}` };
  });
  for (const [n, day] of [dropped, deleted].entries()) {
    await ensurePartitions(db, day.day, day.day);
    const first = ROWS + 1 + n * RETENTION_ROWS;
    await generateRows(
      db,
      first,
      first + RETENTION_ROWS - 1,
      new Date(day.start),
      DAY_MS / RETENTION_ROWS,
    );
    await db.query(`VACUUM (ANALYZE) "${day.partition}"`);
  }
  const sizes: { rows: number; bytes: string }[] = await Promise.all(
    [dropped, deleted].map(
      async (day) =>
        (
          await db.query(
            `SELECT (SELECT count(*)::int FROM "${day.partition}") AS rows,
             pg_total_relation_size('"${day.partition}"') AS bytes`,
          )
        )[0],
    ),
  );

  await db.query('CHECKPOINT');
  const drop = await timed(() => db.query(`DROP TABLE "${dropped.partition}"`));
  await db.query('CHECKPOINT');
  const remove = await timed(() =>
    db.query(`DELETE FROM app_logs WHERE logged_at >= $1 AND logged_at < $2`, [
      new Date(deleted.start).toISOString(),
      new Date(deleted.start + DAY_MS).toISOString(),
    ]),
  );
  const vacuum = await timed(() => db.query(`VACUUM "${deleted.partition}"`));
  const [{ left }] = await db.query(`SELECT count(*)::int AS left FROM "${deleted.partition}"`);
  if (left !== 0) throw new Error(`DELETE left ${left} rows`);
  console.log(
    `   DROP TABLE ${dropped.partition}: ${format(drop.ms, 1)} ms; DELETE of ${deleted.day}: ` +
      `${format(remove.ms, 0)} ms (+ VACUUM ${format(vacuum.ms, 0)} ms)`,
  );
  return {
    rowsPerDay: sizes[0].rows,
    megabytesPerDay: Math.round(Number(sizes[0].bytes) / 1024 ** 2),
    dropPartitionMs: Number(drop.ms.toFixed(1)),
    deleteMs: Number(remove.ms.toFixed(1)),
    vacuumAfterDeleteMs: Number(vacuum.ms.toFixed(1)),
    deleteOverDrop: Number((remove.ms / drop.ms).toFixed(1)),
  };
}

// ---------------------------------------------------------------------------------------------

const row = (label: string, value: string, target = '', met?: boolean) =>
  console.log(
    `  ${label.padEnd(40)} ${value.padEnd(42)} ${target.padEnd(12)} ${met === undefined ? '' : met ? 'met' : 'NOT met'}`.trimEnd(),
  );
const latency = (summary: LatencySummary) =>
  `p50 ${format(summary.p50Ms, 1)} / p95 ${format(summary.p95Ms, 1)} / mean ${format(summary.meanMs, 1)}`;

async function main(): Promise<void> {
  const database = await openDatabaseServerOf(['BENCH_DATABASE_URL', 'TEST_DATABASE_URL']);
  let server: BuiltApi | undefined;
  let db: DataSource | undefined;
  try {
    server = await startBuiltApi(database.url, 'logging', {
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_INGEST_RATE_LIMIT: '1000000000',
      LOG_INGEST_RATE_WINDOW_SECONDS: '60',
      AUTH_RATE_LIMIT: '100000',
      LOG_PERSIST_LEVEL: 'warn',
      SEED_DEMO_DATA: 'false',
    });
    db = await new DataSource({
      type: 'postgres',
      url: server.databaseUrl,
      entities: [],
    }).initialize();
    const [{ server_version: version }] = await db.query('SHOW server_version');
    const settings: Record<string, string> = Object.fromEntries(
      (
        (await db.query(
          `SELECT name, setting || coalesce(unit, '') AS value FROM pg_settings
           WHERE name IN ('shared_buffers', 'work_mem', 'max_parallel_workers_per_gather', 'jit',
             'synchronous_commit', 'max_wal_size')`,
        )) as { name: string; value: string }[]
      ).map(({ name, value }) => [name, value]),
    );
    const loadBefore = loadavg();
    console.log(`PostgreSQL ${version}, ${cpus().length} CPUs; API at ${server.baseUrl}`);
    console.log('The API runs with LOG_PERSIST_LEVEL=warn: its own request lines are not stored');

    const ingestResult = PARTS.has('ingest') ? await ingest(server, db) : undefined;
    const queryResult = PARTS.has('queries') ? await queries(server, db) : undefined;
    const retentionResult = PARTS.has('retention') ? await retention(db) : undefined;

    console.log('\nSummary');
    if (ingestResult) {
      row('Ingest, API (rows/s)', format(ingestResult.apiRowsPerSecond));
      row('Ingest, writer INSERT direct (rows/s)', format(ingestResult.writerInsertRowsPerSecond));
      row('Ingest, COPY ceiling (rows/s)', format(ingestResult.copyRowsPerSecond));
      row(
        'Ingest, API / COPY',
        `${format(ingestResult.ratio * 100, 1)}%`,
        `≥ ${TARGETS.ingestRatio * 100}%`,
        ingestResult.met,
      );
    }
    for (const scenario of queryResult?.scenarios ?? []) {
      row(
        `${scenario.name}, API (ms)`,
        latency(scenario.api),
        `p95 ≤ ${scenario.targetP95Ms}`,
        scenario.met.api,
      );
      row(
        `${scenario.name}, direct (ms)`,
        latency(scenario.direct),
        `p95 ≤ ${scenario.targetP95Ms}`,
        scenario.met.direct,
      );
    }
    if (retentionResult) {
      row('Retention, DROP TABLE of a day (ms)', format(retentionResult.dropPartitionMs, 1));
      row(
        'Retention, DELETE of a day (ms)',
        `${format(retentionResult.deleteMs, 0)} (+ VACUUM ${format(retentionResult.vacuumAfterDeleteMs, 0)})`,
      );
    }
    if (!ingestResult || !queryResult || !retentionResult) {
      console.log(
        '\nBENCH_PARTS ran only some parts: bench/results/logging.json is left as it was',
      );
      return;
    }

    writeResult('logging', {
      benchmark: 'stored logs: ingest vs COPY, queries through the API and direct, retention',
      date: new Date().toISOString(),
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      cpu: cpus()[0]?.model ?? 'unknown',
      cpus: cpus().length,
      postgres: version,
      postgresSettings: settings,
      loadAverage: { before: loadBefore, after: loadavg() },
      note:
        'A 2-core machine shared with other work: see loadAverage; figures move by tens of ' +
        'percent between runs.',
      ingest: ingestResult,
      query: queryResult,
      retention: retentionResult,
    });
  } finally {
    await db?.destroy();
    await server?.stop();
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
