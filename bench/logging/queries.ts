import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { BuiltApi } from '../../apps/api/harness';
import { timed, timeSequential } from '../support/latency';
import { ensurePartitions, utcDay } from './app-logs';
import { generateRows, TRACE_EVERY, TRACE_ROWS } from './generated-rows';
import { LogServices, logQueryServices, recordedStatements } from './log-services';
import { explain, parentIndexes, seqScanNote } from './query-plans';
import {
  ADMIN,
  DAY_MS,
  format,
  next,
  ROWS,
  SAMPLES,
  STATISTICS_SAMPLES,
  TARGETS,
} from './settings';

/**
 * 2. Queries on BENCH_ROWS generated rows over the last 30 days: p50/p95/mean of sequential
 *    requests through the API and of the same SQL run directly (the API's LogsQueryService and
 *    LogStatisticsService on a plain TypeORM DataSource), for the LogViewer's first page, a
 *    trace lookup, a deep page of `level=error` (50 pages down) and the statistics of 7 days,
 *    with `EXPLAIN (ANALYZE, BUFFERS)` of the direct SQL. Targets: p95 ≤ 15 ms for the pages,
 *    ≤ 300 ms for the statistics.
 */

const WARM_UP_REQUESTS = 20;
const STATISTICS_WARM_UP_REQUESTS = 5;
/** Rows spread over this many days: 7 days then hold about 470k, as in the figures. */
const DAYS = 30;
const DEEP_PAGES = 50;

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
  const [{ rows, bytes }] = (await db.query(
    `SELECT (SELECT count(*)::int FROM app_logs) AS rows,
       (SELECT sum(pg_total_relation_size(inhrelid))::bigint FROM pg_inherits
        WHERE inhparent = 'app_logs'::regclass) AS bytes`,
  )) as [{ rows: number; bytes: string }];
  const levels = (await db.query(
    `SELECT level, count(*)::int AS count FROM app_logs GROUP BY 1 ORDER BY 2 DESC`,
  )) as { level: string; count: number }[];
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

export async function queries(server: BuiltApi, db: DataSource) {
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
    const statements = await recordedStatements(() => scenario.direct(services, 0));
    const plans = [];
    for (const query of statements) plans.push(await explain(db, query, parents));
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
