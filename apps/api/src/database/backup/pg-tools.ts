import { execFile, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { CommandRefusal } from './command-refusal';

const run = promisify(execFile);

/** A PostgreSQL client program (pg_dump, pg_restore) and its version. */
export interface PgTool {
  path: string;
  /** What `--version` printed, e.g. `pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)`. */
  version: string;
  major: number;
}

export type PgToolName = 'pg_dump' | 'pg_restore';

/** The environment variable that points at each program when it is not on PATH. */
export const PG_TOOL_PATH_ENV: Record<PgToolName, string> = {
  pg_dump: 'PG_DUMP_PATH',
  pg_restore: 'PG_RESTORE_PATH',
};

/** The major version in `--version`'s answer (`… (PostgreSQL) 15.20 …` → 15). */
export function majorVersionOf(versionText: string): number | undefined {
  const found = /\(PostgreSQL\)\s+(\d+)/.exec(versionText);
  return found ? Number(found[1]) : undefined;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env['PATH'] ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

function installHint(serverMajor: number): string {
  return (
    `Install the PostgreSQL client tools of the server's major version (${serverMajor}) or newer — ` +
    `on Debian or Ubuntu \`apt-get install postgresql-client\` when the distribution's version is ` +
    `recent enough, else \`postgresql-client-${serverMajor}\` from PostgreSQL's own package ` +
    `repository (PGDG)`
  );
}

/**
 * The program named by its environment variable (PG_DUMP_PATH, PG_RESTORE_PATH), else the one on
 * PATH, refused with the way out when it is missing or older than `minimumMajor`.
 */
export async function findPgTool(
  name: PgToolName,
  minimumMajor: number,
  why: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<PgTool> {
  const variable = PG_TOOL_PATH_ENV[name];
  const configured = env[variable];
  const path = configured || onPath(name, env);
  if (!path || !isExecutable(path)) {
    throw new CommandRefusal(
      `${name} was not found (${configured ? `${variable}=${configured} is not an executable file` : `${variable} is not set and PATH has no ${name}`}). ` +
        `${installHint(minimumMajor)}, or set ${variable} to the program.`,
    );
  }
  const { stdout } = await run(path, ['--version']);
  const version = stdout.trim();
  const major = majorVersionOf(version);
  if (major === undefined) {
    throw new CommandRefusal(`${path} --version answered '${version}', not a PostgreSQL version.`);
  }
  if (major < minimumMajor) {
    throw new CommandRefusal(
      `${path} is version ${major} (${version}), older than ${why} (${minimumMajor}). ` +
        `${installHint(minimumMajor)}, or set ${variable} to a newer ${name}.`,
    );
  }
  return { path, version, major };
}

/**
 * What a libpq program needs to reach the database at `url`: the URL without its password (the
 * argument list is visible to every user of the machine), and the password in PGPASSWORD.
 */
export function libpqConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return {
    dbname: parsed.toString(),
    env: { ...process.env, ...(password && { PGPASSWORD: password }) },
  };
}

/** Runs a client program to its end; a non-zero exit is an error carrying what it printed. */
export function runPgTool(tool: PgTool, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool.path, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on(
      'data',
      (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-64_000)),
    );
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `${tool.path} stopped with ${signal ?? `exit code ${code}`}:\n${errors.trim() || '(no output)'}`,
          ),
        );
    });
  });
}
