/**
 * Cost of request and query timing on a simple authenticated read: `GET /api/v1/categories`
 * (JWT check, one SELECT of the caller's categories) against two instances of the built API on
 * one database, one with METRICS_CAPTURE_ENABLED=true and one with false, driven in turn by
 * autocannon in interleaved rounds (on, off, off, on, …) so drift in the machine's load falls
 * on both. Prints requests/s and p99 per mode (medians of the rounds) and the cost, and writes
 * them to bench/results/metrics.json. Target: capture costs at most 5% of requests/s. Beside it,
 * the API process's own CPU time per request (from /proc), which other work on a shared machine
 * disturbs far less than throughput does.
 *
 * Both instances run with LOG_PERSIST_LEVEL=warn and JOBS_ENABLED=false, so request log lines
 * and scheduled jobs are out of the comparison; everything else is the default configuration.
 * It measures; it asserts nothing.
 *
 * Run: `npm run bench:metrics` (builds the API first; about 1.5 minutes). Env:
 * BENCH_DATABASE_URL (else an embedded PostgreSQL), BENCH_SECONDS (per round, 5),
 * BENCH_CONNECTIONS (10), BENCH_ROUNDS (rounds per mode, 6).
 */
import autocannon from 'autocannon';
import { loadavg } from 'node:os';
import { BuiltApi, openDatabaseServerOf, startBuiltApi, withClient } from '../apps/api/harness';
import { postJson, signUp } from './support/api-calls';
import { cpuMsOf, median } from './support/process-cpu';
import { machine, writeResult } from './support/results';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 5);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 10);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 6);
const WARM_UP_SECONDS = 5;
const CATEGORIES = 8;
const TARGET_COST_PERCENT = 5;
const PATH = '/api/v1/categories';

type Mode = 'capture on' | 'capture off';

interface Round {
  mode: Mode;
  round: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU time (user + system) the API process spent per request served in the round. */
  apiCpuMsPerRequest: number;
  requests: number;
  errors: number;
  non2xx: number;
}

const COMMON_ENV = { LOG_PERSIST_LEVEL: 'warn', JOBS_ENABLED: 'false' };

async function signedInWithCategories(server: BuiltApi): Promise<string> {
  const { authorization } = await signUp(server.baseUrl, 'bench-metrics');
  for (let i = 0; i < CATEGORIES; i++) {
    await postJson(
      server.baseUrl,
      '/categories',
      { name: `Bench ${i}`, kind: i % 2 ? 'income' : 'expense' },
      authorization,
    );
  }
  return authorization;
}

function load(server: BuiltApi, authorization: string, seconds: number) {
  return autocannon({
    url: `${server.baseUrl}${PATH}`,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { authorization, 'user-agent': 'bench/1.0' },
  });
}

/** on, off, off, on, on, off, …: each mode goes first as often as the other. */
function schedule(rounds: number): Mode[] {
  const order: Mode[] = [];
  for (let i = 0; i < rounds; i++) {
    order.push(
      ...((i % 2 === 0 ? ['capture on', 'capture off'] : ['capture off', 'capture on']) as Mode[]),
    );
  }
  return order;
}

async function main(): Promise<void> {
  const database = await openDatabaseServerOf(['BENCH_DATABASE_URL', 'TEST_DATABASE_URL']);
  const loadBefore = loadavg();
  const rounds: Round[] = [];
  let on: BuiltApi | undefined;
  let off: BuiltApi | undefined;
  let metricRows = 0;
  try {
    on = await startBuiltApi(database.url, 'metrics', {
      ...COMMON_ENV,
      METRICS_CAPTURE_ENABLED: 'true',
    });
    off = await startBuiltApi(
      database.url,
      'metrics',
      { ...COMMON_ENV, METRICS_CAPTURE_ENABLED: 'false' },
      on,
    );
    const servers: Record<Mode, BuiltApi> = { 'capture on': on, 'capture off': off };
    const authorization = await signedInWithCategories(on);
    for (const server of [on, off]) await load(server, authorization, WARM_UP_SECONDS);

    const counters: Record<Mode, number> = { 'capture on': 0, 'capture off': 0 };
    for (const mode of schedule(ROUNDS)) {
      const cpuBefore = cpuMsOf(servers[mode].pid);
      const result = await load(servers[mode], authorization, SECONDS);
      const cpuMs = cpuMsOf(servers[mode].pid) - cpuBefore;
      counters[mode] += 1;
      const round: Round = {
        mode,
        round: counters[mode],
        requestsPerSecond: result.requests.average,
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        apiCpuMsPerRequest: Number((cpuMs / Math.max(result.requests.total, 1)).toFixed(3)),
        requests: result.requests.total,
        errors: result.errors,
        non2xx: result.non2xx,
      };
      rounds.push(round);
      console.log(
        `${mode.padEnd(11)}  ${round.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${round.p50Ms} ms  p99 ${round.p99Ms} ms  API CPU ${round.apiCpuMsPerRequest} ms/request  errors ${round.errors + round.non2xx}`,
      );
    }
    // Proof that the "on" instance measured what it served (its minute rows are flushed every 5 s).
    await new Promise((resolve) => setTimeout(resolve, 6000));
    metricRows = await withClient(on.databaseUrl, async (client) => {
      const result = await client.query<{ n: number }>(
        `SELECT coalesce(sum(count), 0)::int AS n FROM performance_metrics
         WHERE metric_type = 'http_request' AND metric_name = $1`,
        [`GET ${PATH}`],
      );
      return result.rows[0]?.n ?? 0;
    });
  } finally {
    await off?.stop();
    await on?.stop();
    await database.stop();
  }

  const summary = (mode: Mode) => {
    const of = rounds.filter((r) => r.mode === mode);
    return {
      requestsPerSecond: Math.round(median(of.map((r) => r.requestsPerSecond))),
      p50Ms: median(of.map((r) => r.p50Ms)),
      p99Ms: median(of.map((r) => r.p99Ms)),
      apiCpuMsPerRequest: median(of.map((r) => r.apiCpuMsPerRequest)),
    };
  };
  const captureOn = summary('capture on');
  const captureOff = summary('capture off');
  const ratio = captureOn.requestsPerSecond / captureOff.requestsPerSecond;
  const costPercent = (1 - ratio) * 100;
  const cpuCostPercent = (captureOn.apiCpuMsPerRequest / captureOff.apiCpuMsPerRequest - 1) * 100;
  console.log(
    `\nGET ${PATH}, ${CONNECTIONS} connections, ${SECONDS} s × ${ROUNDS} rounds per mode, interleaved (medians)`,
  );
  console.log(
    `  capture off: ${captureOff.requestsPerSecond} req/s, p50 ${captureOff.p50Ms} ms, p99 ${captureOff.p99Ms} ms, API CPU ${captureOff.apiCpuMsPerRequest} ms/request`,
  );
  console.log(
    `  capture on:  ${captureOn.requestsPerSecond} req/s, p50 ${captureOn.p50Ms} ms, p99 ${captureOn.p99Ms} ms, API CPU ${captureOn.apiCpuMsPerRequest} ms/request`,
  );
  console.log(
    `  on/off throughput ratio ${ratio.toFixed(3)}: capture costs ${costPercent.toFixed(1)}% (target ≤ ${TARGET_COST_PERCENT}%)`,
  );
  console.log(
    `  API CPU time per request: capture adds ${cpuCostPercent.toFixed(1)}% (less sensitive to other load than req/s)`,
  );
  console.log(`  requests the "on" instance stored in performance_metrics: ${metricRows}`);
  const loadAfter = loadavg();
  console.log(
    `  load average before ${loadBefore.map((n) => n.toFixed(2)).join(' ')}, after ${loadAfter.map((n) => n.toFixed(2)).join(' ')}`,
  );
  writeResult('metrics', {
    benchmark: `GET ${PATH} with request and query timing on vs off, interleaved rounds`,
    date: new Date().toISOString(),
    ...machine(),
    loadAverage: { before: loadBefore, after: loadAfter },
    note: 'A 2-core machine shared with other work, load generator on the same host: see loadAverage; single-digit percentages are within run-to-run noise.',
    connections: CONNECTIONS,
    secondsPerRound: SECONDS,
    roundsPerMode: ROUNDS,
    captureOff,
    captureOn,
    throughputRatio: Number(ratio.toFixed(3)),
    costPercent: Number(costPercent.toFixed(1)),
    apiCpuCostPercent: Number(cpuCostPercent.toFixed(1)),
    targetCostPercent: TARGET_COST_PERCENT,
    met: costPercent <= TARGET_COST_PERCENT,
    requestsStoredByCaptureOn: metricRows,
    rounds,
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
