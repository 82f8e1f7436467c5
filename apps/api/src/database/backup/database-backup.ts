import { chmodSync, closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Client } from 'pg';
import { BackupManifest, dumpDigestOf, MANIFEST_FORMAT, writeManifest } from './backup-manifest';
import { CommandRefusal } from './command-refusal';
import {
  chainHeadOf,
  migrationHeadOf,
  rolesReferencedBy,
  rowCountsOf,
  serverVersionOf,
} from './database-facts';
import { findPgTool, libpqConnection, runPgTool } from './pg-tools';

export interface BackupOptions {
  /** The database to back up. */
  url: string;
  /** Where the dump goes; default `backups/ledgerlens-<UTC timestamp>.dump`. */
  file?: string;
  log: (line: string) => void;
  now?: Date;
}

export interface BackupResult {
  file: string;
  manifestFile: string;
  manifest: BackupManifest;
}

/** `backups/ledgerlens-20261206T113000Z.dump`, relative to the working folder. */
export function defaultBackupFile(now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:]/g, '');
  return `backups/ledgerlens-${stamp}.dump`;
}

/** Creates the dump's folder, readable by its owner only, when it does not exist. */
function prepareFolder(dir: string): void {
  if (existsSync(dir)) return;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/**
 * Writes a custom-format dump (`pg_dump -Fc`) of the database at `url`, then its manifest.
 * The row counts are taken in the snapshot the dump reads (pg_dump --snapshot), so they match
 * the dump exactly even while the app keeps writing.
 */
export async function backupDatabase(options: BackupOptions): Promise<BackupResult> {
  const now = options.now ?? new Date();
  const file = resolve(options.file ?? defaultBackupFile(now));
  if (existsSync(file)) {
    throw new CommandRefusal(`${file} already exists: a backup never overwrites a file.`);
  }
  const client = new Client({ connectionString: options.url });
  await client.connect();
  const partial = `${file}.partial`;
  try {
    const server = await serverVersionOf(client);
    const pgDump = await findPgTool('pg_dump', server.major, "the server's major version");
    prepareFolder(dirname(file));
    closeSync(openSync(partial, 'wx', 0o600));

    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows } = await client.query<{ snapshot: string; database: string }>(
      'SELECT pg_export_snapshot() AS snapshot, current_database() AS database',
    );
    const [{ snapshot, database }] = rows;
    options.log(`Backing up ${database} (PostgreSQL ${server.version}) with ${pgDump.version}`);
    const { dbname, env } = libpqConnection(options.url);
    const dumped = runPgTool(
      pgDump,
      [
        '--format=custom',
        '--no-password',
        `--snapshot=${snapshot}`,
        `--file=${partial}`,
        `--dbname=${dbname}`,
      ],
      env,
    );
    // The same snapshot as the dump's; pg_dump has to finish before it is released.
    const facts = Promise.all([
      rowCountsOf(client),
      migrationHeadOf(client),
      rolesReferencedBy(client),
      chainHeadOf(client),
    ]);
    const [[rowCounts, migrationHead, roles, auditChainHead]] = await Promise.all([facts, dumped]);
    await client.query('COMMIT');

    chmodSync(partial, 0o600);
    renameSync(partial, file);
    const manifest: BackupManifest = {
      format: MANIFEST_FORMAT,
      createdAt: now.toISOString(),
      database,
      server,
      pgDump: { version: pgDump.version, major: pgDump.major },
      migrationHead,
      roles,
      auditChainHead,
      rowCounts,
      dump: await dumpDigestOf(file),
    };
    const manifestFile = writeManifest(file, manifest);
    const rowsInAll = Object.values(rowCounts).reduce((sum, count) => sum + count, 0);
    options.log(
      `Wrote ${file} (${manifest.dump.bytes} bytes, sha256 ${manifest.dump.sha256}): ` +
        `${Object.keys(rowCounts).length} tables, ${rowsInAll} rows, migration ${migrationHead ?? '(none)'}`,
    );
    options.log(`Manifest: ${manifestFile}`);
    return { file, manifestFile, manifest };
  } finally {
    rmSync(partial, { force: true });
    await client.end();
  }
}
