import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import {
  RunningDatabase,
  startEmbeddedPostgres,
} from '../../apps/api/src/database/embedded-postgres';
import { freePort } from '../../apps/api/test/support/free-port';

export const ROOT = resolve(__dirname, '../..');
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

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function sql<T = Record<string, unknown>>(
  url: string,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export interface BenchServer {
  baseUrl: string;
  databaseUrl: string;
  stop(): Promise<void>;
}

/** Starts the built API (`dist/apps/api/main.js`) on a fresh database of `serverUrl`. */
export async function startApi(
  serverUrl: string,
  name: string,
  env: Record<string, string>,
): Promise<BenchServer> {
  if (!existsSync(MAIN)) throw new Error('Build the API first: npx nx build api');
  const database = `ledgerlens_bench_${name}_${Date.now()}`;
  await sql(withDatabase(serverUrl, 'postgres'), `CREATE DATABASE "${database}"`);
  const databaseUrl = withDatabase(serverUrl, database);
  const port = await freePort();
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
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The API exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('The API did not become healthy in 60 s');
    const healthy = await fetch(`${baseUrl}/api/v1/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) break;
    await new Promise((done) => setTimeout(done, 200));
  }
  return {
    baseUrl,
    databaseUrl,
    stop: async () => {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
      await sql(withDatabase(serverUrl, 'postgres'), `DROP DATABASE "${database}" WITH (FORCE)`);
    },
  };
}

/** Writes `bench/results/<name>.json` and says where. */
export function writeResult(name: string, result: unknown): void {
  const folder = join(ROOT, 'bench/results');
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`Written to ${file}`);
}
