/**
 * Ceiling of the audit hash chain's single head row (ADR 0005, ADR 0024): audited writes driven
 * directly in PostgreSQL, no API in the way. Each writer is one connection for one user and runs
 * the app's transaction shape — BEGIN; set_config of user, trace ID and role together; INSERT a
 * transaction; COMMIT (where the deferred chain trigger locks `audit_chain_head`) — in a loop.
 * 1, 4, 16 and 32 writers, with the chain trigger on and disabled, interleaved rounds on one
 * migrated scratch database. Reports audited writes/s, p50/p99 commit latency and how often a
 * committer was seen waiting on a lock (pg_stat_activity sampled every 20 ms).
 *
 * Run: `npm run bench:audit-chain` (builds the API: its start-up migrates the scratch database).
 * Env: BENCH_DATABASE_URL, BENCH_SECONDS (per round, default 4), BENCH_ROUNDS (default 2).
 */
import { Client } from 'pg';
import { machine, writeResult } from './support/results';
import { openDatabaseServerOf, startBuiltApi, sql } from '../apps/api/harness';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 4);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 2);
const WRITERS = [1, 4, 16, 32];
const APP_ROLE = 'ledgerlens_app';

type Mode = 'chain on' | 'chain off';

interface Round {
  mode: Mode;
  writers: number;
  writesPerSecond: number;
  commitP50Ms: number;
  commitP99Ms: number;
  transactionP50Ms: number;
  transactionP99Ms: number;
  /** Share of samples in which at least one backend waited on a lock while committing. */
  lockWaitSampleShare: number;
  /** Mean number of committers waiting on a lock per sample. */
  meanLockWaiters: number;
}

interface Writer {
  client: Client;
  userId: string;
  categoryId: string;
  accountId: string;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

async function writersFor(databaseUrl: string, count: number): Promise<Writer[]> {
  const admin = new Client({ connectionString: databaseUrl });
  await admin.connect();
  const writers: Writer[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const user = await admin.query<{ id: string }>(
        `INSERT INTO users (email, password_hash, display_name) VALUES ($1, 'x', 'Bench') RETURNING id`,
        [`chain-bench-${i}@example.com`],
      );
      const userId = user.rows[0].id;
      const category = await admin.query<{ id: string }>(
        `INSERT INTO categories (user_id, name, kind) VALUES ($1, 'Bench', 'expense') RETURNING id`,
        [userId],
      );
      const account = await admin.query<{ id: string }>(
        `INSERT INTO accounts (user_id, name, kind, currency, opening_date)
         VALUES ($1, 'Bench', 'checking', 'EUR', '2026-01-01') RETURNING id`,
        [userId],
      );
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      writers.push({
        client,
        userId,
        categoryId: category.rows[0].id,
        accountId: account.rows[0].id,
      });
    }
  } finally {
    await admin.end();
  }
  return writers;
}

/** One audited write the way the app does it; returns [commit ms, whole transaction ms]. */
async function write(writer: Writer, n: number): Promise<[number, number]> {
  const { client } = writer;
  const start = performance.now();
  await client.query('BEGIN');
  await client.query(
    `SELECT set_config('app.current_user_id', $1, true), set_config('app.trace_id', $2, true), set_config('role', $3, true)`,
    [writer.userId, `bench-${n}`, APP_ROLE],
  );
  await client.query(
    `INSERT INTO transactions
       (account_id, category_id, type, amount_cents, currency, description, occurred_on)
     VALUES ($2, $1, 'expense', 1234, 'EUR', 'Bench purchase', '2026-11-01') RETURNING id, created_at`,
    [writer.categoryId, writer.accountId],
  );
  const commitStart = performance.now();
  await client.query('COMMIT');
  const end = performance.now();
  return [end - commitStart, end - start];
}

async function sampleLockWaits(databaseUrl: string, until: () => boolean) {
  const sampler = new Client({ connectionString: databaseUrl });
  await sampler.connect();
  let samples = 0;
  let withWaiters = 0;
  let waiters = 0;
  try {
    while (!until()) {
      const result = await sampler.query<{ waiting: string }>(
        `SELECT count(*) AS waiting FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND query = 'COMMIT'`,
      );
      const waiting = Number(result.rows[0].waiting);
      samples++;
      waiters += waiting;
      if (waiting > 0) withWaiters++;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await sampler.end();
  }
  return {
    share: samples ? withWaiters / samples : 0,
    mean: samples ? waiters / samples : 0,
  };
}

async function setChain(databaseUrl: string, on: boolean): Promise<void> {
  await sql(
    databaseUrl,
    `ALTER TABLE "transactions" ${on ? 'ENABLE' : 'DISABLE'} TRIGGER "trg_transactions_audit_changes"`,
  );
}

async function round(databaseUrl: string, writers: Writer[], mode: Mode): Promise<Round> {
  await setChain(databaseUrl, mode === 'chain on');
  const commits: number[] = [];
  const transactions: number[] = [];
  let stopped = false;
  let measuring = false;
  let n = 0;
  const loops = writers.map(async (writer) => {
    while (!stopped) {
      const [commitMs, transactionMs] = await write(writer, n++);
      if (measuring) {
        commits.push(commitMs);
        transactions.push(transactionMs);
      }
    }
  });
  await new Promise((resolve) => setTimeout(resolve, 500)); // warm-up
  measuring = true;
  const started = performance.now();
  const sampling = sampleLockWaits(databaseUrl, () => stopped);
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
  measuring = false;
  const elapsed = (performance.now() - started) / 1000;
  stopped = true;
  await Promise.all(loops);
  const waits = await sampling;
  commits.sort((a, b) => a - b);
  transactions.sort((a, b) => a - b);
  return {
    mode,
    writers: writers.length,
    writesPerSecond: Math.round(commits.length / elapsed),
    commitP50Ms: round2(percentile(commits, 50)),
    commitP99Ms: round2(percentile(commits, 99)),
    transactionP50Ms: round2(percentile(transactions, 50)),
    transactionP99Ms: round2(percentile(transactions, 99)),
    lockWaitSampleShare: round2(waits.share),
    meanLockWaiters: round2(waits.mean),
  };
}

async function main(): Promise<void> {
  const database = await openDatabaseServerOf(['BENCH_DATABASE_URL', 'TEST_DATABASE_URL']);
  // The built API's start-up migrates a fresh scratch database; it idles while the bench runs.
  const api = await startBuiltApi(database.url, 'chain', { AUDIT_LOGGING_ENABLED: 'false' });
  const rounds: Round[] = [];
  try {
    const all = await writersFor(api.databaseUrl, Math.max(...WRITERS));
    try {
      for (let i = 0; i < ROUNDS; i++) {
        for (const count of WRITERS) {
          const modes: Mode[] = i % 2 ? ['chain off', 'chain on'] : ['chain on', 'chain off'];
          for (const mode of modes) {
            const result = await round(api.databaseUrl, all.slice(0, count), mode);
            console.log(
              `${mode.padEnd(9)} ${String(count).padStart(2)} writers  ${String(result.writesPerSecond).padStart(5)} writes/s  commit p50 ${result.commitP50Ms} ms p99 ${result.commitP99Ms} ms  lock waits in ${(result.lockWaitSampleShare * 100).toFixed(0)}% of samples`,
            );
            rounds.push(result);
          }
        }
      }
    } finally {
      await setChain(api.databaseUrl, true);
      await Promise.all(all.map((writer) => writer.client.end()));
    }
  } finally {
    await api.stop();
    await database.stop();
  }

  const summary = WRITERS.map((count) => {
    const of = (mode: Mode) => rounds.filter((r) => r.writers === count && r.mode === mode);
    const pick = (mode: Mode) => ({
      writesPerSecond: Math.round(median(of(mode).map((r) => r.writesPerSecond))),
      commitP50Ms: round2(median(of(mode).map((r) => r.commitP50Ms))),
      commitP99Ms: round2(median(of(mode).map((r) => r.commitP99Ms))),
      lockWaitSampleShare: round2(median(of(mode).map((r) => r.lockWaitSampleShare))),
      meanLockWaiters: round2(median(of(mode).map((r) => r.meanLockWaiters))),
    });
    const on = pick('chain on');
    const off = pick('chain off');
    return {
      writers: count,
      chainOn: on,
      chainOff: off,
      onOffRatio: round2(on.writesPerSecond / off.writesPerSecond),
    };
  });

  console.log(`\nAudited INSERTs into transactions, ${SECONDS} s × ${ROUNDS} rounds (medians)`);
  console.log(
    'writers | chain on w/s | commit p50/p99 ms | lock-wait samples | chain off w/s | commit p50/p99 ms | on/off',
  );
  for (const row of summary) {
    console.log(
      `${String(row.writers).padStart(7)} | ${String(row.chainOn.writesPerSecond).padStart(12)} | ${`${row.chainOn.commitP50Ms}/${row.chainOn.commitP99Ms}`.padStart(17)} | ${`${(row.chainOn.lockWaitSampleShare * 100).toFixed(0)}%`.padStart(17)} | ${String(row.chainOff.writesPerSecond).padStart(13)} | ${`${row.chainOff.commitP50Ms}/${row.chainOff.commitP99Ms}`.padStart(17)} | ${row.onOffRatio.toFixed(2)}`,
    );
  }
  const ceiling = Math.max(...summary.map((row) => row.chainOn.writesPerSecond));
  writeResult('audit-chain', {
    benchmark:
      'Audited INSERTs into transactions straight into PostgreSQL (app role, user context), audit chain trigger on vs disabled',
    date: new Date().toISOString(),
    machine: machine(),
    secondsPerRound: SECONDS,
    rounds: ROUNDS,
    ceilingWritesPerSecondChainOn: ceiling,
    summary,
    allRounds: rounds,
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
