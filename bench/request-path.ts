/**
 * The API's request path against a bare `node:http` + `pg` server doing the minimal correct work
 * with the same statements (bench/request-path/bare-server.ts; issue 21,
 * docs/adr/0022-request-path-round-trips.md), both on one database, driven in turn by autocannon
 * in interleaved rounds (API, bare, then bare, API, …) so drift in the machine's load falls on
 * both. Scenarios: POST /api/v1/transactions for a user with 4 budgets and a history of 100
 * transactions, the same with 10 000; GET /api/v1/transactions?limit=20 (the 100-transaction
 * user: a full page, so with the count); GET /api/v1/health. Per server and scenario:
 * requests/s, p50 and p99 (medians of the rounds) and the server process's CPU time per request
 * (/proc/<pid>/stat deltas over the round; the load generator's CPU is not in it), and the
 * API / bare ratios. The rows a POST round added are deleted after it (and the table vacuumed),
 * so each history stays at its size. Prints a table and writes bench/results/request-path.json
 * with the goals of issue 21, met or missed. It measures; it asserts nothing.
 *
 * The API runs with its default configuration (audit, metrics capture, request logs on) except
 * JOBS_ENABLED=false, so scheduled jobs are out of the comparison.
 *
 * Run: `npm run bench:request-path` (builds the API first; about 4 minutes). Env:
 * BENCH_DATABASE_URL (else TEST_DATABASE_URL, else an embedded PostgreSQL), BENCH_SECONDS (per
 * round, 5), BENCH_ROUNDS (rounds per server and scenario, 3), BENCH_CONNECTIONS (16).
 */
import autocannon from 'autocannon';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { BuiltApi, openDatabaseServerOf, startBuiltApi, withClient } from '../apps/api/harness';
import { postJson, signUp } from './support/api-calls';
import { cpuMsOf, median } from './support/process-cpu';
import { machine, writeResult } from './support/results';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 5);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 16);
const WARM_UP_SECONDS = 3;
/** The secret the harness starts the built API with (apps/api/harness/built-api.ts). */
const JWT_SECRET = 'built-api-secret-built-api-secret-0123456789';
const POSTED = 'bench request-path';
const MAIN = resolve(__dirname, '../dist/apps/api/main.js');

type Server = 'api' | 'bare';
type Scenario = 'post, history 100' | 'post, history 10 000' | 'get transactions' | 'health';
const SCENARIOS: Scenario[] = [
  'post, history 100',
  'post, history 10 000',
  'get transactions',
  'health',
];

interface User {
  id: string;
  authorization: string;
  food: string;
}

interface Round {
  scenario: Scenario;
  server: Server;
  round: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU time (user + system) of the server process per request served in the round. */
  serverCpuMsPerRequest: number;
  requests: number;
  errors: number;
  non2xx: number;
}

interface Summary {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  serverCpuMsPerRequest: number;
}

/** A user with a food category, four monthly budgets (two count food in EUR) and a history. */
async function userWithHistory(api: BuiltApi, name: string, history: number): Promise<User> {
  const { id, authorization } = await signUp(api.baseUrl, name);
  const food = (
    await postJson<{ id: string }>(
      api.baseUrl,
      '/categories',
      { name: 'food', kind: 'expense' },
      authorization,
    )
  ).id;
  for (const budget of [
    { currency: 'EUR' },
    { currency: 'EUR', categoryId: food },
    { currency: 'USD' },
    { currency: 'GBP' },
  ]) {
    await postJson(
      api.baseUrl,
      '/budgets',
      { period: 'monthly', limitCents: 1_000_000_000, startDate: '2020-01-01', ...budget },
      authorization,
    );
  }
  // An account per currency of the history, so the POSTs book to an existing account.
  const accounts: Record<string, string> = {};
  for (const currency of ['EUR', 'USD']) {
    accounts[currency] = (
      await postJson<{ id: string }>(
        api.baseUrl,
        '/accounts',
        { name: `bench ${currency}`, kind: 'checking', currency },
        authorization,
      )
    ).id;
  }
  // Older history, types and currencies mixed, spread over about three years.
  await withClient(api.databaseUrl, (client) =>
    client.query(
      `INSERT INTO transactions
         (user_id, account_id, category_id, type, amount_cents, currency, description, occurred_on)
       SELECT $1, CASE WHEN i % 3 = 0 THEN $4::uuid ELSE $5::uuid END,
              CASE WHEN i % 4 = 0 THEN NULL ELSE $2::uuid END,
              CASE WHEN i % 4 = 0 THEN 'income' ELSE 'expense' END,
              100 + i % 5000, CASE WHEN i % 3 = 0 THEN 'USD' ELSE 'EUR' END,
              'history ' || i, current_date - (i % 1100)
       FROM generate_series(1, $3::int) AS i`,
      [id, food, history, accounts['USD'], accounts['EUR']],
    ),
  );
  return { id, authorization, food };
}

/** The bare server as a child process; resolves once it listens. */
async function startBareServer(databaseUrl: string) {
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(__dirname, 'request-path/bare-server.ts')],
    {
      env: {
        ...process.env,
        TS_NODE_PROJECT: join(__dirname, 'tsconfig.json'),
        DATABASE_URL: databaseUrl,
        JWT_SECRET,
        POOL_SIZE: '10',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const port = await new Promise<number>((done, fail) => {
    child.once('exit', (code) => fail(new Error(`The bare server exited (${code})`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      const match = /"port":(\d+)/.exec(chunk.toString());
      if (match) done(Number(match[1]));
    });
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    pid: child.pid ?? 0,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function load(baseUrl: string, scenario: Scenario, users: Record<string, User>, seconds: number) {
  const common = { connections: CONNECTIONS, duration: seconds };
  if (scenario === 'health') return autocannon({ ...common, url: `${baseUrl}/api/v1/health` });
  const user = scenario === 'post, history 10 000' ? users['large'] : users['small'];
  const headers = {
    authorization: user.authorization,
    'content-type': 'application/json',
    'user-agent': 'bench/1.0',
  };
  if (scenario === 'get transactions') {
    return autocannon({ ...common, url: `${baseUrl}/api/v1/transactions?limit=20`, headers });
  }
  return autocannon({
    ...common,
    url: `${baseUrl}/api/v1/transactions`,
    method: 'POST',
    headers,
    body: JSON.stringify({
      amountCents: 250,
      currency: 'EUR',
      description: POSTED,
      categoryId: user.food,
      occurredOn: today(),
    }),
  });
}

/** Deletes what POST rounds added, so each history stays at its size. */
async function resetHistory(databaseUrl: string): Promise<void> {
  await withClient(databaseUrl, async (client) => {
    await client.query(`DELETE FROM transactions WHERE description = $1`, [POSTED]);
    await client.query('VACUUM (ANALYZE) transactions');
  });
}

async function main(): Promise<void> {
  if (!existsSync(MAIN)) {
    throw new Error('No built API: run `npx nx build api --outputStyle=static` first');
  }
  const database = await openDatabaseServerOf(['BENCH_DATABASE_URL', 'TEST_DATABASE_URL']);
  const loadBefore = loadavg();
  const rounds: Round[] = [];
  let api: BuiltApi | undefined;
  let bare: Awaited<ReturnType<typeof startBareServer>> | undefined;
  try {
    api = await startBuiltApi(database.url, 'request_path', { JOBS_ENABLED: 'false' });
    const users = {
      small: await userWithHistory(api, 'bench-history-100', 100),
      large: await userWithHistory(api, 'bench-history-10000', 10_000),
    };
    await resetHistory(api.databaseUrl);
    bare = await startBareServer(api.databaseUrl);
    const servers: Record<Server, { baseUrl: string; pid: number }> = { api, bare };
    // Every route of both servers warmed up before any round, so the first scenario measured
    // does not carry the API's warm-up.
    for (const scenario of SCENARIOS) {
      for (const server of ['api', 'bare'] as Server[]) {
        await load(servers[server].baseUrl, scenario, users, WARM_UP_SECONDS);
      }
    }
    await resetHistory(api.databaseUrl);
    for (const scenario of SCENARIOS) {
      for (let i = 0; i < ROUNDS; i++) {
        const order: Server[] = i % 2 === 0 ? ['api', 'bare'] : ['bare', 'api'];
        for (const server of order) {
          const { baseUrl, pid } = servers[server];
          const cpuBefore = cpuMsOf(pid);
          const result = await load(baseUrl, scenario, users, SECONDS);
          const cpuMs = cpuMsOf(pid) - cpuBefore;
          if (scenario.startsWith('post')) await resetHistory(api.databaseUrl);
          const round: Round = {
            scenario,
            server,
            round: i + 1,
            requestsPerSecond: result.requests.average,
            p50Ms: result.latency.p50,
            p99Ms: result.latency.p99,
            serverCpuMsPerRequest: Number((cpuMs / Math.max(result.requests.total, 1)).toFixed(3)),
            requests: result.requests.total,
            errors: result.errors,
            non2xx: result.non2xx,
          };
          rounds.push(round);
          console.log(
            `${scenario.padEnd(21)} ${server.padEnd(4)} ${round.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${round.p50Ms} ms  p99 ${round.p99Ms} ms  CPU ${round.serverCpuMsPerRequest} ms/request  errors ${round.errors + round.non2xx}`,
          );
        }
      }
    }
  } finally {
    await bare?.stop();
    await api?.stop();
    await database.stop();
  }
  const loadAfter = loadavg();

  const summary = (scenario: Scenario, server: Server): Summary => {
    const of = rounds.filter((r) => r.scenario === scenario && r.server === server);
    return {
      requestsPerSecond: Math.round(median(of.map((r) => r.requestsPerSecond))),
      p50Ms: median(of.map((r) => r.p50Ms)),
      p99Ms: median(of.map((r) => r.p99Ms)),
      serverCpuMsPerRequest: median(of.map((r) => r.serverCpuMsPerRequest)),
    };
  };
  const scenarios = Object.fromEntries(
    SCENARIOS.map((scenario) => {
      const apiSummary = summary(scenario, 'api');
      const bareSummary = summary(scenario, 'bare');
      return [
        scenario,
        {
          api: apiSummary,
          bare: bareSummary,
          throughputRatio: Number(
            (apiSummary.requestsPerSecond / bareSummary.requestsPerSecond).toFixed(3),
          ),
          cpuPerRequestRatio: Number(
            (apiSummary.serverCpuMsPerRequest / bareSummary.serverCpuMsPerRequest).toFixed(2),
          ),
        },
      ];
    }),
  ) as Record<
    Scenario,
    { api: Summary; bare: Summary; throughputRatio: number; cpuPerRequestRatio: number }
  >;

  console.log(
    `\n${CONNECTIONS} connections, ${SECONDS} s × ${ROUNDS} rounds per server, interleaved (medians)`,
  );
  console.log(
    '| scenario | API req/s | API p50/p99 ms | API CPU ms/req | bare req/s | bare p50/p99 ms | bare CPU ms/req | API / bare req/s |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const scenario of SCENARIOS) {
    const { api, bare, throughputRatio } = scenarios[scenario];
    console.log(
      `| ${scenario} | ${api.requestsPerSecond} | ${api.p50Ms}/${api.p99Ms} | ${api.serverCpuMsPerRequest} | ${bare.requestsPerSecond} | ${bare.p50Ms}/${bare.p99Ms} | ${bare.serverCpuMsPerRequest} | ${throughputRatio} |`,
    );
  }
  const post100 = scenarios['post, history 100'];
  const post10k = scenarios['post, history 10 000'];
  /** API req/s at 10 000 transactions over at 100: the goal is at least 0.80 (≤ 20 % slower). */
  const postHistoryRatio = post10k.api.requestsPerSecond / post100.api.requestsPerSecond;
  const goals = [
    {
      goal: 'POST /transactions ≥ 0.50 of the bare server (history 100 and 10 000)',
      measured: Math.min(post100.throughputRatio, post10k.throughputRatio),
      met: post100.throughputRatio >= 0.5 && post10k.throughputRatio >= 0.5,
    },
    {
      goal: 'GET /transactions?limit=20 ≥ 0.60 of the bare server',
      measured: scenarios['get transactions'].throughputRatio,
      met: scenarios['get transactions'].throughputRatio >= 0.6,
    },
    {
      goal: 'POST at 10 000 transactions within 20 % of POST at 100 (API req/s at 10 000 / at 100 ≥ 0.80)',
      measured: Number(postHistoryRatio.toFixed(3)),
      met: postHistoryRatio >= 0.8,
    },
  ];
  for (const goal of goals) {
    console.log(`${goal.met ? 'met   ' : 'missed'}  ${goal.goal}: ${goal.measured}`);
  }
  console.log(
    `load average before ${loadBefore.map((n) => n.toFixed(2)).join(' ')}, after ${loadAfter.map((n) => n.toFixed(2)).join(' ')}`,
  );
  writeResult('request-path', {
    benchmark:
      'The built API against a bare node:http + pg server sending the same statements, interleaved rounds on one database',
    date: new Date().toISOString(),
    ...machine(),
    loadAverage: { before: loadBefore, after: loadAfter },
    notes: [
      'A shared 2-core machine: the API or the bare server, PostgreSQL and the load generator (autocannon) run on the same two cores, with other work in parallel (see loadAverage). Ratios from interleaved rounds are steadier than absolute figures.',
      'The API runs with its default configuration (audit, metrics capture, request logs on) except JOBS_ENABLED=false; the bare server sends the statements counted in apps/api/test/request-statements.e2e-spec.ts, not the action log, metrics or request-log writes.',
      'POST rounds add rows; they are deleted after each round (and the table vacuumed), so each history stays at its size. GET /transactions reads the 100-transaction user: a full page, so with the count.',
    ],
    connections: CONNECTIONS,
    secondsPerRound: SECONDS,
    roundsPerServer: ROUNDS,
    scenarios,
    postApiHistory10000Over100: Number(postHistoryRatio.toFixed(3)),
    goals,
    rounds,
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
