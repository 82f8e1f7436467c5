import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  RunningDatabase,
  startEmbeddedPostgres,
} from '../../apps/api/src/database/embedded-postgres';
import { freePort } from '../../apps/api/test/support/free-port';
import { withClient, withDatabase } from '../../apps/api/test/support/test-database';
import { waitForHealth } from '../../apps/api/test/support/wait-for-health';

const ROOT = resolve(__dirname, '../..');
const MAIN = join(ROOT, 'dist/apps/api/main.js');

/** BENCH_DATABASE_URL's (or TEST_DATABASE_URL's) server, else a throwaway embedded PostgreSQL. */
export async function openBenchDatabaseServer(): Promise<RunningDatabase> {
  const configured = process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'];
  if (configured) return { url: configured, stop: async () => undefined };
  console.log('No BENCH_DATABASE_URL: starting an embedded PostgreSQL');
  return startEmbeddedPostgres({
    dataDir: mkdtempSync(join(tmpdir(), 'ledgerlens-bench-pg-')),
    port: await freePort(),
    database: 'postgres',
    persistent: false,
  });
}

/** Runs one statement on the database at `url`. */
export async function sql(url: string, text: string): Promise<void> {
  await withClient(url, (client) => client.query(text));
}

export interface BenchServer {
  baseUrl: string;
  databaseUrl: string;
  /** The API's process ID (to read its CPU time). */
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts the built API (`dist/apps/api/main.js`) on a fresh database of `serverUrl`, or on the
 * database of another bench server (`shareWith`), which then keeps and drops it.
 */
export async function startApi(
  serverUrl: string,
  name: string,
  env: Record<string, string>,
  shareWith?: BenchServer,
): Promise<BenchServer> {
  if (!existsSync(MAIN)) throw new Error('Build the API first: npx nx build api');
  const database = shareWith
    ? new URL(shareWith.databaseUrl).pathname.slice(1)
    : `ledgerlens_bench_${name}_${Date.now()}`;
  const adminUrl = withDatabase(serverUrl, 'postgres');
  if (!shareWith) await sql(adminUrl, `CREATE DATABASE "${database}"`);
  const databaseUrl = withDatabase(serverUrl, database);
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123456789',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      SEED_DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      PASSWORD_HASH_ROUNDS: '4',
      AUTH_RATE_LIMIT: '100000',
      WEB_DIST_DIR: mkdtempSync(join(tmpdir(), 'ledgerlens-bench-web-')),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (chunk) => (output += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(`${baseUrl}/api/v1/health`, child, () => output);
  return {
    baseUrl,
    databaseUrl,
    pid: child.pid ?? 0,
    stop: async () => {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
      if (!shareWith) await sql(adminUrl, `DROP DATABASE "${database}" WITH (FORCE)`);
    },
  };
}
