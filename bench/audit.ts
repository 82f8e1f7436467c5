/**
 * Cost of the audit trail on the hottest write: `POST /api/v1/transactions` with the action log
 * and the row-history triggers on, and with both off, side by side in one run (alternating
 * rounds, each on a fresh database). Prints requests/s and p99 per mode and the ratio, and writes
 * them to bench/results/audit.json. Target: at most 15% fewer requests/s with both on.
 *
 * Run: `npm run bench:audit` (builds the API first). Env: BENCH_DATABASE_URL, BENCH_SECONDS,
 * BENCH_CONNECTIONS, BENCH_ROUNDS.
 */
import autocannon from 'autocannon';
import { writeResult } from './support/results';
import { BuiltApi, openDatabaseServerOf, sql, startBuiltApi } from '../apps/api/harness';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 16);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 2);
const AUDITED_TABLES = ['users', 'categories', 'transactions', 'budgets'];

type Mode = 'audit on' | 'audit off';

interface Round {
  mode: Mode;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

async function signedInWithCategory(server: BuiltApi) {
  const registered = await fetch(`${server.baseUrl}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: 'bench@example.com',
      password: 'bench-password',
      displayName: 'B',
    }),
  }).then((response) => response.json() as Promise<{ accessToken: string }>);
  const authorization = `Bearer ${registered.accessToken}`;
  const category = await fetch(`${server.baseUrl}/api/v1/categories`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ name: 'Bench', kind: 'expense' }),
  }).then((response) => response.json() as Promise<{ id: string }>);
  return { authorization, categoryId: category.id };
}

function load(server: BuiltApi, authorization: string, categoryId: string, seconds: number) {
  return autocannon({
    url: `${server.baseUrl}/api/v1/transactions`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'content-type': 'application/json', authorization, 'user-agent': 'bench/1.0' },
    body: JSON.stringify({
      amountCents: 1234,
      currency: 'EUR',
      description: 'Bench purchase',
      categoryId,
      occurredOn: '2026-11-01',
    }),
  });
}

async function round(serverUrl: string, mode: Mode): Promise<Round> {
  const on = mode === 'audit on';
  const server = await startBuiltApi(serverUrl, on ? 'on' : 'off', {
    AUDIT_LOGGING_ENABLED: String(on),
  });
  try {
    if (!on) {
      for (const table of AUDITED_TABLES) {
        await sql(
          server.databaseUrl,
          `ALTER TABLE "${table}" DISABLE TRIGGER "trg_${table}_audit_changes"`,
        );
      }
    }
    const { authorization, categoryId } = await signedInWithCategory(server);
    await load(server, authorization, categoryId, 3);
    const result = await load(server, authorization, categoryId, SECONDS);
    return {
      mode,
      requestsPerSecond: result.requests.average,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      errors: result.errors,
      non2xx: result.non2xx,
    };
  } finally {
    await server.stop();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function main(): Promise<void> {
  const database = await openDatabaseServerOf(['BENCH_DATABASE_URL', 'TEST_DATABASE_URL']);
  const rounds: Round[] = [];
  try {
    for (let i = 0; i < ROUNDS; i++) {
      for (const mode of ['audit off', 'audit on'] as Mode[]) {
        const result = await round(database.url, mode);
        console.log(
          `${mode.padEnd(9)}  ${result.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${result.p50Ms} ms  p99 ${result.p99Ms} ms  errors ${result.errors + result.non2xx}`,
        );
        rounds.push(result);
      }
    }
  } finally {
    await database.stop();
  }
  const summary = (mode: Mode) => {
    const of = rounds.filter((r) => r.mode === mode);
    return {
      requestsPerSecond: median(of.map((r) => r.requestsPerSecond)),
      p99Ms: median(of.map((r) => r.p99Ms)),
    };
  };
  const on = summary('audit on');
  const off = summary('audit off');
  const ratio = on.requestsPerSecond / off.requestsPerSecond;
  const costPercent = (1 - ratio) * 100;
  console.log(
    `\nPOST /api/v1/transactions, ${CONNECTIONS} connections, ${SECONDS} s × ${ROUNDS} rounds per mode (medians)`,
  );
  console.log(`  audit off: ${off.requestsPerSecond.toFixed(0)} req/s, p99 ${off.p99Ms} ms`);
  console.log(`  audit on:  ${on.requestsPerSecond.toFixed(0)} req/s, p99 ${on.p99Ms} ms`);
  console.log(
    `  on/off throughput ratio ${ratio.toFixed(3)}: audit costs ${costPercent.toFixed(1)}% (target ≤ 15%)`,
  );
  writeResult('audit', {
    benchmark: 'POST /api/v1/transactions with the action log and row-history triggers on vs off',
    date: new Date().toISOString(),
    node: process.version,
    connections: CONNECTIONS,
    secondsPerRound: SECONDS,
    roundsPerMode: ROUNDS,
    auditOff: off,
    auditOn: on,
    throughputRatio: Number(ratio.toFixed(3)),
    costPercent: Number(costPercent.toFixed(1)),
    targetCostPercent: 15,
    rounds,
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
