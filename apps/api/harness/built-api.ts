import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './free-port';
import { sql, withDatabase } from './postgres';
import { waitForHealth } from './wait-for-health';

/**
 * The built API (`dist/apps/api/main.js`) as a child process on a database of its own, as a user
 * runs it: for benchmarks (bench/), browser journeys (apps/web-e2e) and the API's reliability
 * tests.
 */
const ROOT = resolve(__dirname, '../../..');
const MAIN = join(ROOT, 'dist/apps/api/main.js');

export interface BuiltApi {
  baseUrl: string;
  databaseUrl: string;
  /** The API's process ID (benchmarks read its CPU time). */
  pid: number;
  /** What the process wrote so far (stdout and stderr, the last 1 MB). */
  output(): string;
  /** Sends SIGTERM and resolves with the exit code once the process is gone; keeps the database. */
  terminate(): Promise<number | null>;
  stop(): Promise<void>;
}

/** Extra environment, or a function of the API's database URL (e.g. to route it through a proxy). */
export type BuiltApiEnv =
  Record<string, string> | ((databaseUrl: string) => Record<string, string>);

const OUTPUT_LIMIT = 1024 * 1024;

/**
 * Starts the built API on a fresh database of `serverUrl`, or on an existing one (`shareWith`:
 * another instance's, or one the caller made), which its owner keeps and drops. No SPA unless
 * `env` sets WEB_DIST_DIR.
 */
export async function startBuiltApi(
  serverUrl: string,
  name: string,
  env: BuiltApiEnv,
  shareWith?: Pick<BuiltApi, 'databaseUrl'>,
): Promise<BuiltApi> {
  if (!existsSync(MAIN)) throw new Error('Build the API first: npx nx build api');
  const database = shareWith
    ? new URL(shareWith.databaseUrl).pathname.slice(1)
    : `ledgerlens_${name}_${Date.now()}`;
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
      JWT_SECRET: 'built-api-secret-built-api-secret-0123456789',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      SEED_DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      PASSWORD_HASH_ROUNDS: '4',
      AUTH_RATE_LIMIT: '100000',
      WEB_DIST_DIR: mkdtempSync(join(tmpdir(), 'ledgerlens-no-web-')),
      ...(typeof env === 'function' ? env(databaseUrl) : env),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => (output = (output + chunk).slice(-OUTPUT_LIMIT));
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((done) => child.once('exit', done));
  const terminate = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return exited;
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(`${baseUrl}/api/v1/health`, child, () => output);
  } catch (error) {
    // Never healthy: nobody holds it to stop it, so it must not outlive the failed start.
    child.kill('SIGKILL');
    await exited;
    if (!shareWith) {
      await sql(adminUrl, `DROP DATABASE "${database}" WITH (FORCE)`).catch(() => undefined);
    }
    throw error;
  }
  return {
    baseUrl,
    databaseUrl,
    pid: child.pid ?? 0,
    output: () => output,
    terminate,
    stop: async () => {
      await terminate();
      if (!shareWith) await sql(adminUrl, `DROP DATABASE "${database}" WITH (FORCE)`);
    },
  };
}
