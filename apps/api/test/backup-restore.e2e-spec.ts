import { INestApplication } from '@nestjs/common';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { withClient, withDatabase } from '../harness';
import { createApp } from '../src/app/create-app';
import { loadConfig } from '../src/config/app-config';
import {
  BackupManifest,
  manifestPathOf,
  MANIFEST_FORMAT,
  sha256Of,
  writeManifest,
} from '../src/database/backup/backup-manifest';
import { relationsOf, rowCountsOf, serverVersionOf } from '../src/database/backup/database-facts';
import { findPgTool } from '../src/database/backup/pg-tools';
import { DEMO_LOGINS } from '../src/modules/demo';
import { createTestDatabase, runPrefix, SERVER_URL_ENV } from './support/test-database';
import { createTestApp, registerUser, TestApp } from './support/test-app';

const ROOT = resolve(__dirname, '../../..');
const MAIN = join(ROOT, 'dist/apps/api/main.js');

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `node dist/apps/api/main.js <args>` on the database at `databaseUrl`, as docs/operations.md runs it. */
function cli(args: string[], databaseUrl: string): Promise<CliRun> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [MAIN, ...args],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          NODE_ENV: 'production',
          JWT_SECRET: 'backup-test-secret-backup-test-secret-0123',
          DATABASE_URL: databaseUrl,
          LOG_LEVEL: 'warn',
        },
      },
      (error, stdout, stderr) =>
        done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function countsOf(url: string): Promise<Record<string, number>> {
  return withClient(url, (client) => rowCountsOf(client));
}

/** An empty database (not cloned from the migrated template), dropped with the run's others. */
async function createEmptyDatabase(): Promise<string> {
  const serverUrl = process.env[SERVER_URL_ENV] as string;
  const name = `${runPrefix()}restore_${randomBytes(4).toString('hex')}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  return withDatabase(serverUrl, name);
}

async function dropDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await withClient(process.env[SERVER_URL_ENV] as string, (client) =>
    client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  );
}

/** The app, as a user starts it, on a restored database: no demo seed, no jobs. */
async function startAppOn(databaseUrl: string): Promise<INestApplication> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    LOG_PERSIST_LEVEL: 'silent',
    JOBS_ENABLED: 'false',
    SEED_DEMO_DATA: 'false',
    DB_MIGRATIONS_RUN: 'false',
    PASSWORD_HASH_ROUNDS: '4',
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
  });
  return createApp({ config, databaseUrl });
}

async function signIn(
  http: ReturnType<typeof request>,
  login: { email: string; password: string },
): Promise<{ Authorization: string }> {
  const { email, password } = login;
  const response = await http.post('/api/v1/auth/login').send({ email, password }).expect(200);
  return { Authorization: `Bearer ${(response.body as { accessToken: string }).accessToken}` };
}

interface Verification {
  ok: boolean;
  checked: number;
}

/**
 * Issue 22's round trip: data written through the app, `db:backup`, `db:restore` into an empty
 * database, the app on the restored database. Needs pg_dump and pg_restore as new as the test
 * server; without them (Debian 12's client is version 15, the embedded server 18) the backup must
 * refuse, saying so, and the checks that need no dump still run on a dump made up here.
 */
describe('db:backup and db:restore', () => {
  let source: TestApp;
  let folder: string;
  let dumpFile: string;
  let canDump = true;
  let dumpRefusal = '';
  let sourceVerification: Verification;
  let sourceTransactions: number;
  const databases: string[] = [];

  beforeAll(async () => {
    expect(existsSync(MAIN)).toBe(true); // `npm test` builds before it tests
    // No metrics capture: its timed flush could add rows between the backup and the counts the
    // test compares the manifest with (seen on a loaded machine).
    source = await createTestApp({ SEED_DEMO_DATA: 'true', METRICS_CAPTURE_ENABLED: 'false' });
    const owner = await registerUser(source, 'backup-owner');
    const category = await source.http
      .post('/api/v1/categories')
      .set(owner.auth)
      .send({ name: 'Food', kind: 'expense' })
      .expect(201);
    const created = await source.http
      .post('/api/v1/transactions')
      .set(owner.auth)
      .send({
        amountCents: 1250,
        currency: 'EUR',
        description: 'Groceries',
        categoryId: (category.body as { id: string }).id,
        occurredOn: '2026-11-02',
      })
      .expect(201);
    await source.http
      .patch(`/api/v1/transactions/${(created.body as { id: string }).id}`)
      .set(owner.auth)
      .send({ amountCents: 1999 })
      .expect(200);

    const admin = await signIn(source.http, DEMO_LOGINS.admin);
    sourceVerification = (await source.http.get('/api/v1/audit/verify').set(admin).expect(200))
      .body as Verification;
    expect(sourceVerification).toMatchObject({ ok: true });
    expect(sourceVerification.checked).toBeGreaterThan(0);
    const demo = await signIn(source.http, DEMO_LOGINS.user);
    sourceTransactions = (
      (await source.http.get('/api/v1/transactions').set(demo).expect(200)).body as {
        total: number;
      }
    ).total;

    const serverMajor = await withClient(source.databaseUrl, async (client) => {
      return (await serverVersionOf(client)).major;
    });
    try {
      await findPgTool('pg_dump', serverMajor, 'the server');
      await findPgTool('pg_restore', serverMajor, 'the server');
    } catch (error) {
      canDump = false;
      dumpRefusal = (error as Error).message;
      console.warn(`Backup and restore round trip not run: ${dumpRefusal}`);
    }
    folder = mkdtempSync(join(tmpdir(), 'ledgerlens-backup-'));
    dumpFile = join(folder, 'nested', 'ledgerlens.dump');
  }, 120_000);

  afterAll(async () => {
    for (const url of databases) await dropDatabase(url);
    await source?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  /** A dump and manifest for the refusals: the real backup's, else a made-up pair. */
  async function someDump(name: string): Promise<string> {
    const file = join(folder, name);
    if (canDump) {
      writeFileSync(file, readFileSync(dumpFile));
      writeFileSync(manifestPathOf(file), readFileSync(manifestPathOf(dumpFile)));
      return file;
    }
    writeFileSync(file, randomBytes(4096));
    const manifest: BackupManifest = {
      format: MANIFEST_FORMAT,
      createdAt: new Date().toISOString(),
      database: 'made-up',
      server: { version: '15', major: 15 },
      pgDump: { version: 'pg_dump (PostgreSQL) 15.0', major: 15 },
      migrationHead: null,
      roles: [],
      auditChainHead: null,
      rowCounts: {},
      dump: { file: name, bytes: 4096, sha256: await sha256Of(file) },
    };
    writeManifest(file, manifest);
    return file;
  }

  it('backs up, restores into an empty database, and the app runs on it with the same rows and an intact chain', async () => {
    const backup = await cli(['db:backup', '--file', dumpFile], source.databaseUrl);
    if (!canDump) {
      expect(backup.code).toBe(1);
      expect(backup.stderr).toMatch(
        /pg_dump .*(was not found|older than the server's major version)/,
      );
      expect(backup.stderr).toContain('postgresql-client');
      expect(backup.stderr).not.toMatch(/\n\s+at /); // a refusal, not a stack trace
      return;
    }
    expect(backup).toMatchObject({ code: 0 });
    expect(statSync(dumpFile).mode & 0o777).toBe(0o600);
    expect(statSync(join(folder, 'nested')).mode & 0o777).toBe(0o700);
    const manifest = JSON.parse(readFileSync(manifestPathOf(dumpFile), 'utf8')) as BackupManifest;
    expect(manifest.dump.sha256).toBe(await sha256Of(dumpFile));
    expect(manifest.roles).toEqual(['ledgerlens_app']);
    expect(manifest.migrationHead).toMatch(/^\w+\d{13}$/);
    expect(manifest.rowCounts).toEqual(await countsOf(source.databaseUrl));
    const [head] = await source.dataSource.query<{ last_change_id: string; last_hash: string }[]>(
      'SELECT last_change_id, last_hash FROM audit_chain_head',
    );
    expect(manifest.auditChainHead).toEqual({
      lastChangeId: head.last_change_id,
      lastHash: head.last_hash,
    });
    expect(manifest.rowCounts['transactions']).toBeGreaterThan(sourceTransactions);
    expect(manifest.rowCounts['audit_changes']).toBeGreaterThanOrEqual(sourceVerification.checked);

    const target = await createEmptyDatabase();
    databases.push(target);
    const restore = await cli(['db:restore', '--file', dumpFile], target);
    expect(restore.stderr).toBe('');
    expect(restore).toMatchObject({ code: 0 });
    expect(restore.stdout).toContain('row counts and the audit chain head');
    expect(await countsOf(target)).toEqual(manifest.rowCounts);

    const app = await startAppOn(target);
    try {
      const http = request(app.getHttpServer());
      const admin = await signIn(http, DEMO_LOGINS.admin);
      const verification = (await http.get('/api/v1/audit/verify').set(admin).expect(200))
        .body as Verification;
      expect(verification).toMatchObject({ ok: true });
      expect(verification.checked).toBeGreaterThanOrEqual(sourceVerification.checked);
      // Row-level security survived: the demo user sees their own transactions, as before.
      const demo = await signIn(http, DEMO_LOGINS.user);
      const transactions = await http.get('/api/v1/transactions').set(demo).expect(200);
      expect((transactions.body as { total: number }).total).toBe(sourceTransactions);
    } finally {
      await app.close();
    }
  }, 180_000);

  it('refuses a dump changed by one byte, and writes nothing', async () => {
    const file = await someDump('tampered.dump');
    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    writeFileSync(file, bytes);
    const target = await createEmptyDatabase();
    databases.push(target);

    const restore = await cli(['db:restore', '--file', file], target);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toContain('does not match its manifest');
    expect(restore.stderr).toContain('Nothing was restored');
    expect(restore.stderr).not.toMatch(/\n\s+at /);
    expect(await withClient(target, (client) => relationsOf(client))).toEqual([]);
  }, 60_000);

  it('refuses a database that is not empty without --force, and restores over it with --force', async () => {
    const file = await someDump('over.dump');
    const target = await createTestDatabase(); // migrated, no rows
    databases.push(target);
    const before = await countsOf(target);

    const refused = await cli(['db:restore', '--file', file], target);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/is not empty: its public schema has \d+ tables/);
    expect(refused.stderr).toContain('--force');
    expect(await countsOf(target)).toEqual(before);
    if (!canDump) return;

    const forced = await cli(['db:restore', '--file', file, '--force'], target);
    expect(forced).toMatchObject({ code: 0 });
    const manifest = JSON.parse(readFileSync(manifestPathOf(file), 'utf8')) as BackupManifest;
    expect(await countsOf(target)).toEqual(manifest.rowCounts);
  }, 120_000);
});
