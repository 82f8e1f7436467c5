import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Client } from 'pg';
import { ExclusiveJobs } from '../src/common/jobs/exclusive-jobs';
import { AppLogWriter } from '../src/modules/logging/persistence/app-log.writer';
import {
  LOG_ARCHIVE_JOB,
  LogArchiveService,
} from '../src/modules/logging/retention/log-archive.service';
import { eventually } from './support/eventually';
import { logRecord } from './support/log-records';
import {
  ADMIN_ENV,
  createTestApp,
  registerUser,
  signInAdmin,
  SignedInUser,
  TestApp,
} from './support/test-app';

const DAY_MS = 86_400_000;

interface ArchivedFile {
  path: string;
  day: string;
  rows: number;
  sha256: string;
  bytes: number;
}

interface ArchiveRun {
  id: string;
  trigger: string;
  requestedBy: string | null;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  partitionsDropped: number;
  rowsArchived: number;
  files: ArchivedFile[];
  error: string | null;
}

interface LogRow {
  message: string;
  loggedAt: string;
  level?: string;
  source?: string;
}

/** Every file under `dir`, relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

describe('log retention', () => {
  let testApp: TestApp;
  let admin: SignedInUser;
  let archiveDir: string;
  let today: string;

  const db = <T = Record<string, unknown>>(sql: string, parameters: unknown[] = []) =>
    testApp.dataSource.query(sql, parameters) as Promise<T[]>;

  /** `YYYY-MM-DD`, `age` days before today (UTC). */
  const daysAgo = (age: number) =>
    new Date(Date.parse(`${today}T00:00:00Z`) - age * DAY_MS).toISOString().slice(0, 10);
  const partitionOf = (day: string) => `app_logs_p${day.replace(/-/g, '')}`;

  const ensurePartition = async (day: string) =>
    (await db<{ created: boolean }>(`SELECT app_logs_ensure_partition($1) AS created`, [day]))[0]
      .created;
  const partitionExists = async (day: string) =>
    (
      await db<{ exists: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS exists`, [
        partitionOf(day),
      ])
    )[0].exists;

  /** Inserts logs (info/backend unless said otherwise); resolves with their IDs by message. */
  async function insertLogs(rows: LogRow[]): Promise<Record<string, string>> {
    const inserted = await db<{ id: string; message: string }>(
      `INSERT INTO app_logs (logged_at, level, severity_number, source, message)
       SELECT r."loggedAt", r.level, 9, r.source, r.message
       FROM jsonb_to_recordset($1::jsonb) AS r("loggedAt" timestamptz, level varchar, source varchar,
         message text)
       RETURNING id::text AS id, message`,
      [JSON.stringify(rows.map((row) => ({ level: 'info', source: 'backend', ...row })))],
    );
    return Object.fromEntries(inserted.map((row) => [row.message, row.id]));
  }

  const storedIds = async () =>
    (await db<{ id: string }>(`SELECT id::text AS id FROM app_logs ORDER BY app_logs.id`)).map(
      (r) => r.id,
    );

  /** Back to the migrated state: no logs, and no day partitions older than yesterday. */
  async function resetLogs(): Promise<void> {
    await db(`TRUNCATE app_logs`);
    await db(`DO $$
      DECLARE old record;
      BEGIN
        FOR old IN SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
          WHERE i.inhparent = 'app_logs'::regclass AND c.relname ~ '^app_logs_p[0-9]{8}$'
            AND to_date(substr(c.relname, 11), 'YYYYMMDD') < (now() AT TIME ZONE 'UTC')::date - 1
        LOOP
          EXECUTE format('DROP TABLE %I', old.relname);
        END LOOP;
      END $$`);
  }

  const startRun = () => testApp.http.post('/api/v1/logging/archive/run').set(admin.auth).send();
  const getRun = async (id: string) =>
    (await testApp.http.get(`/api/v1/logging/archive/runs/${id}`).set(admin.auth).expect(200))
      .body as ArchiveRun;
  const finishedRun = (id: string) =>
    eventually(async () => {
      const run = await getRun(id);
      expect(run.status).not.toBe('running');
      return run;
    });

  /** An open connection of the test's own, e.g. to hold locks as another instance would. */
  async function otherSession(): Promise<Client> {
    const client = new Client({ connectionString: testApp.databaseUrl });
    await client.connect();
    return client;
  }

  beforeAll(async () => {
    archiveDir = mkdtempSync(join(tmpdir(), 'ledgerlens-archive-'));
    testApp = await createTestApp({
      ...ADMIN_ENV,
      AUDIT_LOGGING_ASYNC: 'false',
      ARCHIVE_DIR: archiveDir,
      LOG_RETENTION_DAYS: '90',
      LOG_RETENTION_OVERRIDES: 'level:error=180,source:frontend=30',
      LOG_PARTITIONS_AHEAD_DAYS: '10',
    });
    admin = await signInAdmin(testApp);
    [{ today }] = await db<{ today: string }>(
      `SELECT to_char((now() AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS today`,
    );
  });
  afterAll(async () => {
    await testApp.close();
    await rm(archiveDir, { recursive: true, force: true });
  });

  it('has day partitions from yesterday to LOG_PARTITIONS_AHEAD_DAYS ahead once started', async () => {
    // The migration made 7 days ahead; the partition job made the rest at startup.
    for (let age = 1; age >= -10; age--) expect(await partitionExists(daysAgo(age))).toBe(true);
  });

  it('makes the partition of a day that has none when a log for it is written', async () => {
    await resetLogs();
    const day = daysAgo(40);
    expect(await partitionExists(day)).toBe(false);
    const stored = await testApp.app.get(AppLogWriter).write([
      logRecord({
        loggedAt: `${day}T12:00:00.000Z`,
        level: 'error',
        source: 'frontend',
        message: 'Order 42 failed',
      }),
    ]);
    expect(stored).toBe(1);
    expect(
      await db(
        `SELECT tableoid::regclass::text AS table, message_pattern AS pattern FROM app_logs`,
      ),
    ).toEqual([{ table: partitionOf(day), pattern: 'Order <num> failed' }]);
    expect(await ensurePartition(day)).toBe(false);
  });

  it('archives expired logs to verified files first, then drops expired partitions and deletes only expired rows', async () => {
    await resetLogs();
    const allExpired = daysAgo(100);
    const empty = daysAgo(150);
    const someKeptLonger = daysAgo(120);
    const alsoExpired = daysAgo(95);
    const kept = daysAgo(60);
    const frontendExpired = daysAgo(50);
    const recent = daysAgo(20);
    for (const day of [
      allExpired,
      empty,
      someKeptLonger,
      alsoExpired,
      kept,
      frontendExpired,
      recent,
    ]) {
      await ensurePartition(day);
    }
    const ids = await insertLogs([
      { message: 'a1', loggedAt: `${allExpired}T00:00:00.000001Z` },
      { message: 'a2', loggedAt: `${allExpired}T10:15:30.123456Z`, level: 'warn' },
      { message: 'a3', loggedAt: `${allExpired}T23:59:59.999999Z` },
      { message: 'b-error-1', loggedAt: `${someKeptLonger}T01:00:00Z`, level: 'error' },
      { message: 'b-error-2', loggedAt: `${someKeptLonger}T02:00:00Z`, level: 'error' },
      { message: 'b-info-1', loggedAt: `${someKeptLonger}T03:00:00Z` },
      { message: 'b-info-2', loggedAt: `${someKeptLonger}T04:00:00Z`, source: 'frontend' },
      { message: 'c1', loggedAt: `${alsoExpired}T05:00:00Z` },
      { message: 'c2', loggedAt: `${alsoExpired}T06:00:00Z` },
      { message: 'kept', loggedAt: `${kept}T07:00:00Z` },
      { message: 'd-frontend-1', loggedAt: `${frontendExpired}T08:00:00Z`, source: 'frontend' },
      { message: 'd-frontend-2', loggedAt: `${frontendExpired}T09:00:00Z`, source: 'frontend' },
      { message: 'd-backend', loggedAt: `${frontendExpired}T10:00:00Z` },
      { message: 'recent-frontend', loggedAt: `${recent}T11:00:00Z`, source: 'frontend' },
    ]);
    // One row with every column set, to compare with its archived line.
    await db(
      `UPDATE app_logs SET module = 'Payments', trace_id = 'trace-1', user_id = $2,
         request_method = 'POST', request_path = '/api/v1/transactions', status_code = 201,
         duration_ms = 12, extra_data = '{"attempt": 2, "tags": ["x"]}', client_id = $3
       WHERE id = $1`,
      [ids.a2, admin.id, '7b0c3c5e-8d5e-4a8a-9f4e-2f9d7a1b6c01'],
    );

    const accepted = await startRun().expect(202);
    expect(accepted.body).toMatchObject({
      trigger: 'manual',
      requestedBy: admin.id,
      status: 'running',
      finishedAt: null,
    });
    const run = await finishedRun(accepted.body.id);

    const removedByDay: Record<string, string[]> = {
      [someKeptLonger]: [ids['b-info-1'], ids['b-info-2']],
      [allExpired]: [ids.a1, ids.a2, ids.a3],
      [alsoExpired]: [ids.c1, ids.c2],
      [frontendExpired]: [ids['d-frontend-1'], ids['d-frontend-2']],
    };
    expect(run).toMatchObject({
      status: 'succeeded',
      error: null,
      partitionsDropped: 3,
      rowsArchived: 9,
    });
    expect(run.files.map((file) => file.day)).toEqual(Object.keys(removedByDay));

    for (const file of run.files) {
      const gz = await readFile(join(archiveDir, file.path));
      const sha256 = createHash('sha256').update(gz).digest('hex');
      const lines = gunzipSync(gz).toString('utf8').trimEnd().split('\n');
      const rows = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(file).toEqual({
        path: `app_logs/${file.day.slice(0, 4)}/${file.day.slice(5, 7)}/app_logs-${file.day}-run${run.id}.ndjson.gz`,
        day: file.day,
        rows: removedByDay[file.day].length,
        sha256,
        bytes: gz.length,
      });
      expect(rows.map((row) => row.id)).toEqual(removedByDay[file.day]);
      const manifest = JSON.parse(
        await readFile(join(archiveDir, file.path.replace('.ndjson.gz', '.manifest.json')), 'utf8'),
      );
      expect(manifest).toEqual({
        table: 'app_logs',
        partition: partitionOf(file.day),
        day: file.day,
        runId: run.id,
        file: file.path.split('/').pop(),
        rows: lines.length,
        sha256,
        bytes: gz.length,
        minLoggedAt: rows[0].logged_at,
        maxLoggedAt: rows[rows.length - 1].logged_at,
        createdAt: expect.any(String),
      });
    }

    const fullDay = await readFile(join(archiveDir, run.files[1].path));
    const archived = gunzipSync(fullDay)
      .toString('utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(archived.map((row) => row.logged_at)).toEqual([
      `${allExpired}T00:00:00.000001Z`,
      `${allExpired}T10:15:30.123456Z`,
      `${allExpired}T23:59:59.999999Z`,
    ]);
    expect(archived[1]).toEqual({
      id: ids.a2,
      logged_at: `${allExpired}T10:15:30.123456Z`,
      level: 'warn',
      severity_number: 9,
      source: 'backend',
      module: 'Payments',
      message: 'a2',
      trace_id: 'trace-1',
      user_id: admin.id,
      request_method: 'POST',
      request_path: '/api/v1/transactions',
      status_code: 201,
      duration_ms: 12,
      extra_data: { attempt: 2, tags: ['x'] },
      client_id: '7b0c3c5e-8d5e-4a8a-9f4e-2f9d7a1b6c01',
      message_pattern: null,
    });

    const removed = Object.values(removedByDay).flat();
    expect(await storedIds()).toEqual(
      Object.values(ids)
        .filter((id) => !removed.includes(id))
        .sort((a, b) => Number(a) - Number(b)),
    );
    expect(await partitionExists(allExpired)).toBe(false);
    expect(await partitionExists(empty)).toBe(false);
    expect(await partitionExists(alsoExpired)).toBe(false);
    expect(await partitionExists(someKeptLonger)).toBe(true);
    expect(await partitionExists(frontendExpired)).toBe(true);
    // The removed rows no longer count in the hourly rollups; the kept errors still do.
    expect(await db(`SELECT sum(count)::int AS total FROM app_log_hourly_counts`)).toEqual([
      { total: Object.values(ids).length - removed.length },
    ]);
    expect(
      await db(`SELECT pattern, count::int AS count FROM app_log_hourly_errors ORDER BY hour`),
    ).toEqual([
      { pattern: 'b-error-1', count: 1 },
      { pattern: 'b-error-2', count: 1 },
    ]);
    expect(
      (await filesUnder(archiveDir)).filter(
        (path) => !path.endsWith('.gz') && !path.endsWith('.json'),
      ),
    ).toEqual([]);

    const logged = await testApp.http
      .get('/api/v1/audit-logs')
      .query({ action: 'log_archive.run' })
      .set(admin.auth)
      .expect(200);
    expect(logged.body.items[0]).toMatchObject({
      actorId: admin.id,
      category: 'admin',
      resourceType: 'archive_run',
      resourceId: run.id,
      result: 'success',
      message: 'Started a log archive run',
    });
  });

  it('reads a large day in chunks, each row once, in (logged_at, id) order', async () => {
    await resetLogs();
    const day = daysAgo(100);
    await ensurePartition(day);
    // 2,500 rows, three to a microsecond: chunks end between rows of the same time.
    const inserted = await db<{ id: string }>(
      `INSERT INTO app_logs (logged_at, level, severity_number, source, message)
       SELECT $1::timestamptz + (n / 3) * interval '1 microsecond', 'info', 9, 'backend', 'bulk'
       FROM generate_series(2500, 1, -1) AS n
       RETURNING id::text AS id`,
      [`${day}T12:00:00Z`],
    );
    const expected = await db<{ id: string }>(
      `SELECT id::text AS id FROM app_logs ORDER BY logged_at, app_logs.id`,
    );
    expect(inserted).toHaveLength(2500);

    const run = await finishedRun((await startRun().expect(202)).body.id);
    expect(run).toMatchObject({ status: 'succeeded', rowsArchived: 2500 });
    const gz = await readFile(join(archiveDir, run.files[0].path));
    const archivedIds = gunzipSync(gz)
      .toString('utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line).id);
    expect(archivedIds).toEqual(expected.map((row) => row.id));
  });

  it('keeps the rows and deletes the files it wrote when removing the rows fails', async () => {
    await resetLogs();
    const day = daysAgo(100);
    await ensurePartition(day);
    await insertLogs([
      { message: 'expired', loggedAt: `${day}T01:00:00Z` },
      { message: 'kept', loggedAt: `${day}T02:00:00Z`, level: 'error' },
    ]);
    const before = await storedIds();
    await db(`CREATE FUNCTION refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'deleting is refused for this test'; END $$`);
    await db(`CREATE TRIGGER refuse_delete BEFORE DELETE ON ${partitionOf(day)}
      FOR EACH ROW EXECUTE FUNCTION refuse_delete()`);
    try {
      const accepted = await startRun().expect(202);
      const run = await finishedRun(accepted.body.id);
      expect(run).toMatchObject({
        status: 'failed',
        error: 'deleting is refused for this test',
        files: [],
        rowsArchived: 0,
      });
      expect(await storedIds()).toEqual(before);
      expect(
        (await filesUnder(archiveDir)).filter((path) => path.includes(`-run${run.id}.`)),
      ).toEqual([]);
    } finally {
      await db(`DROP FUNCTION refuse_delete() CASCADE`);
    }
  });

  it('answers 409 while a run is in progress, here or in another instance', async () => {
    await resetLogs();
    const day = daysAgo(100);
    await ensurePartition(day);
    await insertLogs([{ message: 'expired', loggedAt: `${day}T01:00:00Z` }]);
    const other = await otherSession();
    try {
      // A writer of the partition holds the run at its lock: it stays running meanwhile.
      await other.query(`BEGIN`);
      await other.query(`LOCK TABLE ${partitionOf(day)} IN ROW EXCLUSIVE MODE`);
      const accepted = await startRun().expect(202);
      expect((await getRun(accepted.body.id)).status).toBe('running');
      const refused = await startRun().expect(409);
      expect(refused.body).toMatchObject({
        statusCode: 409,
        message: 'An archive run is already in progress',
        traceId: expect.any(String),
      });
      const listed = await testApp.http
        .get('/api/v1/logging/archive/runs')
        .set(admin.auth)
        .expect(200);
      expect(listed.body.items[0]).toMatchObject({ id: accepted.body.id, status: 'running' });
      await other.query(`ROLLBACK`);
      expect(await finishedRun(accepted.body.id)).toMatchObject({
        status: 'succeeded',
        rowsArchived: 1,
        partitionsDropped: 1,
      });

      // Another instance running it holds the job's advisory lock.
      await other.query(`SELECT pg_advisory_lock(hashtext('ledgerlens.job'), hashtext($1))`, [
        LOG_ARCHIVE_JOB,
      ]);
      await startRun().expect(409);
      expect(await testApp.app.get(LogArchiveService).runScheduled()).toBe('busy');
      await other.query(`SELECT pg_advisory_unlock_all()`);
      await finishedRun((await startRun().expect(202)).body.id);
    } finally {
      await other.end();
    }
  });

  it('marks a run left running by a stopped instance as failed when the next run starts', async () => {
    const [{ id }] = await db<{ id: string }>(
      `INSERT INTO archive_runs (trigger) VALUES ('schedule') RETURNING id::text AS id`,
    );
    await finishedRun((await startRun().expect(202)).body.id);
    expect(await getRun(id)).toMatchObject({
      status: 'failed',
      error: 'Interrupted: the instance running it stopped',
      finishedAt: expect.any(String),
    });
  });

  it('lists runs newest first, a page at a time, and finds one by ID', async () => {
    const archive = testApp.app.get(LogArchiveService);
    expect(await archive.runScheduled()).toBe('succeeded');
    expect(await archive.runScheduled()).toBe('succeeded');
    const list = (query: Record<string, number>) =>
      testApp.http.get('/api/v1/logging/archive/runs').query(query).set(admin.auth).expect(200);

    const first = (await list({ limit: 2 })).body;
    expect(first).toMatchObject({ page: 1, limit: 2, total: expect.any(Number) });
    expect(first.items.map((run: ArchiveRun) => run.trigger)).toEqual(['schedule', 'schedule']);
    expect(first.items[0].requestedBy).toBeNull();
    const all = (await list({ limit: 100 })).body;
    expect(all.total).toBe(first.total);
    const ids = all.items.map((run: ArchiveRun) => Number(run.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const second = (await list({ limit: 2, page: 2 })).body;
    expect(second.items.map((run: ArchiveRun) => run.id)).toEqual(
      all.items.slice(2, 4).map((run: ArchiveRun) => run.id),
    );

    expect(await getRun(first.items[0].id)).toEqual(first.items[0]);
    await testApp.http.get('/api/v1/logging/archive/runs/999999999').set(admin.auth).expect(404);
    await testApp.http.get('/api/v1/logging/archive/runs/abc').set(admin.auth).expect(400);
  });

  it('is for admins only', async () => {
    const user = await registerUser(testApp, 'not-admin');
    await testApp.http.post('/api/v1/logging/archive/run').set(user.auth).expect(403);
    await testApp.http.get('/api/v1/logging/archive/runs').set(user.auth).expect(403);
    await testApp.http.get('/api/v1/logging/archive/runs/1').set(user.auth).expect(403);
    await testApp.http.post('/api/v1/logging/archive/run').expect(401);
    await testApp.http.get('/api/v1/logging/archive/runs').expect(401);
  });

  describe('exclusive jobs', () => {
    it('run a job in one instance at a time, log failures without throwing, and always release the lock', async () => {
      const jobs = testApp.app.get(ExclusiveJobs);
      let finish!: () => void;
      const held = new Promise<void>((resolve) => (finish = resolve));
      let started!: () => void;
      const running = new Promise<void>((resolve) => (started = resolve));
      // Checking before the first run holds its lock could take the lock from under it.
      const first = jobs.run('test-job', () => {
        started();
        return held;
      });
      await running;
      expect(await jobs.run('test-job', async () => undefined)).toBe('busy');
      expect(await jobs.run('other-job', async () => undefined)).toBe('succeeded');
      finish();
      expect(await first).toBe('succeeded');

      expect(
        await jobs.run('test-job', async () => {
          throw new Error('boom');
        }),
      ).toBe('failed');
      expect(await jobs.run('test-job', async () => undefined)).toBe('succeeded');
      const advisoryLocks = await db(
        `SELECT 1 FROM pg_locks l JOIN pg_database d ON d.oid = l.database
         WHERE l.locktype = 'advisory' AND d.datname = current_database()`,
      );
      expect(advisoryLocks).toEqual([]);
    });
  });
});

describe('log retention on a schedule', () => {
  it('starts runs on LOG_ARCHIVE_CRON when JOBS_ENABLED', async () => {
    const archiveDir = mkdtempSync(join(tmpdir(), 'ledgerlens-archive-'));
    const testApp = await createTestApp({
      JOBS_ENABLED: 'true',
      ARCHIVE_DIR: archiveDir,
      LOG_ARCHIVE_CRON: '* * * * * *',
    });
    try {
      const runs = await eventually(async () => {
        const found = await testApp.dataSource.query(
          `SELECT trigger, status FROM archive_runs WHERE status = 'succeeded'`,
        );
        expect(found.length).toBeGreaterThan(0);
        return found;
      }, 5000);
      expect(runs[0]).toEqual({ trigger: 'schedule', status: 'succeeded' });
    } finally {
      await testApp.close();
      await rm(archiveDir, { recursive: true, force: true });
    }
  }, 20_000);
});
