import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../data-source-options';
import { APP_ROLE } from '../user-context';
import { BackupManifest, readManifest, sha256Of } from './backup-manifest';
import { CommandRefusal } from './command-refusal';
import {
  chainHeadOf,
  missingRoles,
  relationsOf,
  rowCountsOf,
  serverVersionOf,
} from './database-facts';
import { findPgTool, libpqConnection, runPgTool } from './pg-tools';

export interface RestoreOptions {
  /** The database to restore into: empty, or emptied first with `force`. */
  url: string;
  /** The dump written by db:backup; its manifest sits beside it. */
  file: string;
  /** Drop everything in the target's `public` schema first. */
  force: boolean;
  log: (line: string) => void;
}

export interface RowCountComparison {
  table: string;
  expected: number | null;
  restored: number | null;
}

export interface RestoreResult {
  manifest: BackupManifest;
  /** Every table of the manifest or of the restored database, as restored (before migrations). */
  rowCounts: RowCountComparison[];
  mismatches: RowCountComparison[];
  migrationsApplied: string[];
}

/** Checks the dump against its manifest before anything touches the database. */
async function verifiedManifest(file: string): Promise<BackupManifest> {
  if (!existsSync(file)) throw new CommandRefusal(`${file} does not exist. Nothing was restored.`);
  const manifest = readManifest(file);
  const actual = await sha256Of(file);
  if (actual !== manifest.dump.sha256) {
    throw new CommandRefusal(
      `${file} does not match its manifest: sha256 ${actual}, the backup wrote ` +
        `${manifest.dump.sha256}. The dump was changed or damaged after the backup; restore ` +
        'another copy. Nothing was restored.',
    );
  }
  return manifest;
}

/**
 * Refuses a dump that grants rights to roles this server lacks, other than the application role:
 * roles belong to the server, not to a database, and nothing here knows what such a role should
 * be allowed to do.
 */
async function checkRoles(client: Client, manifest: BackupManifest): Promise<void> {
  const unknown = (await missingRoles(client, manifest.roles)).filter((role) => role !== APP_ROLE);
  if (unknown.length) {
    throw new CommandRefusal(
      `The dump grants rights to roles this PostgreSQL server does not have: ${unknown.join(', ')}. ` +
        'Roles belong to the server, not to a database, so no dump holds them: create them ' +
        '(CREATE ROLE …) and run the restore again. Nothing was restored.',
    );
  }
}

/**
 * The application role, created as the first migration creates it when the server lacks it
 * (a new server), and granted to the connected user, who switches to it with SET LOCAL ROLE.
 */
async function ensureAppRole(client: Client, log: (line: string) => void): Promise<void> {
  if ((await missingRoles(client, [APP_ROLE])).length) {
    await client.query(`CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOINHERIT NOBYPASSRLS`);
    log(`Created the role ${APP_ROLE}`);
  }
  const { rows } = await client.query<{ member: boolean }>(
    `SELECT pg_has_role(current_user, $1, 'MEMBER') AS member`,
    [APP_ROLE],
  );
  if (!rows[0].member) await client.query(`GRANT ${APP_ROLE} TO CURRENT_USER`);
}

/** Refuses a target that has tables, views or sequences, unless `force`; returns them. */
async function checkEmpty(client: Client, force: boolean): Promise<string[]> {
  const relations = await relationsOf(client);
  if (!relations.length || force) return relations;
  const { rows } = await client.query<{ database: string }>(
    'SELECT current_database() AS database',
  );
  const shown = relations.slice(0, 5).join(', ') + (relations.length > 5 ? ', …' : '');
  throw new CommandRefusal(
    `The database ${rows[0].database} is not empty: its public schema has ${relations.length} ` +
      `tables, views or sequences (${shown}). Restore into an empty database, or add --force to ` +
      'drop everything in its public schema first. Nothing was restored.',
  );
}

/** What --force does: drops the `public` schema with everything in it, and creates it anew. */
async function emptyPublicSchema(client: Client): Promise<void> {
  await client.query('BEGIN');
  await client.query('DROP SCHEMA public CASCADE');
  await client.query('CREATE SCHEMA public');
  await client.query('GRANT USAGE ON SCHEMA public TO PUBLIC');
  await client.query('COMMIT');
}

function compare(
  expected: Record<string, number>,
  restored: Record<string, number>,
): RowCountComparison[] {
  const tables = [...new Set([...Object.keys(expected), ...Object.keys(restored)])].sort();
  return tables.map((table) => ({
    table,
    expected: expected[table] ?? null,
    restored: restored[table] ?? null,
  }));
}

async function runPendingMigrations(url: string): Promise<string[]> {
  const dataSource = await new DataSource(dataSourceOptions(url, [], 1)).initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Restores a dump of db:backup into the database at `url`: checks the dump against its
 * manifest, refuses a database that is not empty (unless `force`), creates the roles the dump
 * grants to, restores in one transaction (all or nothing, owned by the connected user), compares
 * the row counts with the manifest, then runs the migrations newer than the dump.
 */
export async function restoreDatabase(options: RestoreOptions): Promise<RestoreResult> {
  const file = resolve(options.file);
  const manifest = await verifiedManifest(file);
  const { log } = options;
  log(
    `Dump ${file} matches its manifest: ${manifest.database} at ${manifest.createdAt}, ` +
      `PostgreSQL ${manifest.server.version}, migration ${manifest.migrationHead ?? '(none)'}`,
  );
  const client = new Client({ connectionString: options.url });
  await client.connect();
  try {
    const server = await serverVersionOf(client);
    // Every check before anything is written, --force's drop included.
    const existing = await checkEmpty(client, options.force);
    await checkRoles(client, manifest);
    const pgRestore = await findPgTool(
      'pg_restore',
      Math.max(manifest.pgDump.major, server.major),
      "the pg_dump that wrote the dump or the server's major version, whichever is newer",
    );
    if (server.major < manifest.server.major) {
      log(
        `Warning: restoring a dump of PostgreSQL ${manifest.server.major} into PostgreSQL ` +
          `${server.major}, an older server; statements it does not know will stop the restore.`,
      );
    }
    if (existing.length) {
      log(
        `--force: dropping the ${existing.length} tables, views and sequences of the public schema`,
      );
      await emptyPublicSchema(client);
    }
    await ensureAppRole(client, log);

    log(`Restoring with ${pgRestore.version}`);
    const { dbname, env } = libpqConnection(options.url);
    await runPgTool(
      pgRestore,
      [
        '--no-owner',
        '--single-transaction',
        '--exit-on-error',
        '--no-password',
        `--dbname=${dbname}`,
        file,
      ],
      env,
    );
    const rowCounts = compare(manifest.rowCounts, await rowCountsOf(client));
    const mismatches = rowCounts.filter((row) => row.expected !== row.restored);
    const restoredHead = await chainHeadOf(client);
    const sameHead =
      JSON.stringify(restoredHead) === JSON.stringify(manifest.auditChainHead ?? null);

    const migrationsApplied = await runPendingMigrations(options.url);
    log(
      migrationsApplied.length
        ? `Applied the migrations newer than the dump: ${migrationsApplied.join(', ')}`
        : 'No pending migrations',
    );
    const width = Math.max(...rowCounts.map((row) => row.table.length), 5);
    log(`${'table'.padEnd(width)}  ${'backup'.padStart(10)}  ${'restored'.padStart(10)}`);
    for (const row of rowCounts) {
      const mark = row.expected === row.restored ? '' : '  <- differs';
      log(
        `${row.table.padEnd(width)}  ${String(row.expected ?? '-').padStart(10)}  ${String(row.restored ?? '-').padStart(10)}${mark}`,
      );
    }
    if (!sameHead) {
      throw new CommandRefusal(
        `Restored, but the audit chain head (${JSON.stringify(restoredHead)}) differs from the ` +
          `manifest's (${JSON.stringify(manifest.auditChainHead)}): do not put this database into ` +
          'service before finding out why.',
      );
    }
    if (mismatches.length) {
      throw new CommandRefusal(
        `Restored, but the row counts of ${mismatches.map((row) => row.table).join(', ')} differ ` +
          'from the manifest: do not put this database into service before finding out why.',
      );
    }
    log(
      `Restored ${rowCounts.length} tables; row counts and the audit chain head ` +
        `(${manifest.auditChainHead?.lastHash ?? 'none'}) match the manifest. Start the app and ` +
        'verify the audit chain (GET /api/v1/audit/verify as an admin).',
    );
    return { manifest, rowCounts, mismatches, migrationsApplied };
  } finally {
    await client.end();
  }
}
