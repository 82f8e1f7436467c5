/**
 * Stored logs (`app_logs`) end to end, in one run on one fresh database, part by part
 * (bench/logging/):
 *
 * 1. Ingest (`ingest.ts`): rows/s stored through `POST /api/v1/logging/logs/batch`, beside the
 *    API's writer run directly and one COPY of as many rows. Target: API ≥ 60% of COPY.
 * 2. Queries (`queries.ts`) on BENCH_ROWS generated rows: the LogViewer's pages and the
 *    statistics through the API and directly, with their plans. Targets: p95 ≤ 15 ms for the
 *    pages, ≤ 300 ms for the statistics.
 * 3. Retention (`retention.ts`): `DROP TABLE` of one day partition vs `DELETE` of a day's rows.
 *
 * The API runs with LOG_PERSIST_LEVEL=warn, so its own request lines do not land in `app_logs`
 * (ingest counts only `source = 'frontend'` rows anyway). Prints a table and writes every figure,
 * plans included, to bench/results/logging.json. It measures; it asserts nothing. It uses the
 * API through its harness (apps/api/harness) and the logging module's public entry.
 *
 * Run: `npm run bench:logging` (builds the API first; ~15 minutes with the defaults). Env:
 * BENCH_DATABASE_URL (else an embedded PostgreSQL), BENCH_ROWS (2000000), BENCH_SECONDS (API
 * ingest per round, 20), BENCH_CONNECTIONS (ingest, 10), BENCH_ROUNDS (ingest rounds, medians
 * reported, 2), BENCH_SAMPLES (timed requests per page query, 200), BENCH_STATISTICS_SAMPLES
 * (100), BENCH_RETENTION_ROWS (rows of each retention day, 200000), BENCH_PARTS (which parts,
 * `ingest,queries,retention`; the results file is written only when all ran).
 */
import './support/api-paths';
import { cpus, loadavg } from 'node:os';
import { DataSource } from 'typeorm';
import { BuiltApi, openDatabaseServerOf, startBuiltApi } from '../apps/api/harness';
import { ingest } from './logging/ingest';
import { queries } from './logging/queries';
import { retention } from './logging/retention';
import { ADMIN, PARTS } from './logging/settings';
import { LoggingResults, printSummary } from './logging/summary';
import { machine, writeResult } from './support/results';

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
    const loadBefore = loadavg();
    console.log(`PostgreSQL ${version}, ${cpus().length} CPUs; API at ${server.baseUrl}`);
    console.log('The API runs with LOG_PERSIST_LEVEL=warn: its own request lines are not stored');

    const results: LoggingResults = {
      ingest: PARTS.has('ingest') ? await ingest(server, db) : undefined,
      query: PARTS.has('queries') ? await queries(server, db) : undefined,
      retention: PARTS.has('retention') ? await retention(db) : undefined,
    };
    printSummary(results);
    if (!results.ingest || !results.query || !results.retention) {
      console.log(
        '\nBENCH_PARTS ran only some parts: bench/results/logging.json is left as it was',
      );
      return;
    }

    writeResult('logging', {
      benchmark: 'stored logs: ingest vs COPY, queries through the API and direct, retention',
      date: new Date().toISOString(),
      ...machine(),
      postgres: version,
      postgresSettings: settings,
      loadAverage: { before: loadBefore, after: loadavg() },
      note:
        'A 2-core machine shared with other work: see loadAverage; figures move by tens of ' +
        'percent between runs.',
      ingest: results.ingest,
      query: results.query,
      retention: results.retention,
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
