import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { AuditChainVerifier } from '../src/modules/audit/audit-chain.verifier';
import { AuditAnchors } from '../src/modules/audit/retention/audit-anchors';
import { AuditArchiveManifest } from '../src/modules/audit/retention/audit-month-archiver';
import { AuditRetentionService } from '../src/modules/audit/retention/audit-retention.service';
import { withClient } from '../harness';
import { tamperWithAuditChanges } from './support/tamper';
import { ADMIN_ENV, createTestApp, registerUser, signInAdmin, TestApp } from './support/test-app';

const OLD_ROWS = 40;
const GENESIS_HASH = '0'.repeat(64);

/**
 * Appends `OLD_ROWS` chained rows to `audit_changes` (and two action-log events) in the month
 * three months back, as the trigger would have written them then: hashed by the database's own
 * `audit_change_hash`, the chain head moved along. Answers that month as `YYYY-MM`.
 */
async function writeOldMonth(testApp: TestApp): Promise<string> {
  await testApp.dataSource.query(`
    DO $$
    DECLARE
      prev text;
      at timestamptz;
      digest text;
      new_id bigint;
    BEGIN
      FOR i IN 1..${OLD_ROWS} LOOP
        SELECT last_hash INTO prev FROM audit_chain_head;
        at := (date_trunc('month', now() AT TIME ZONE 'UTC') - interval '3 months')
          AT TIME ZONE 'UTC' + i * interval '1 hour';
        digest := audit_change_hash(prev, 'transactions', 'row-' || i, 'INSERT', NULL,
          jsonb_build_object('n', i), ARRAY['n'], NULL, NULL, at);
        INSERT INTO audit_changes (table_name, row_id, action, new_data, changed_columns,
                                   changed_at, hash)
          VALUES ('transactions', 'row-' || i, 'INSERT', jsonb_build_object('n', i), ARRAY['n'],
                  at, digest)
          RETURNING id INTO new_id;
        UPDATE audit_chain_head SET last_change_id = new_id, last_hash = digest;
      END LOOP;
      INSERT INTO audit_events (occurred_at, source, action, category, result, severity, message)
        SELECT (date_trunc('month', now() AT TIME ZONE 'UTC') - interval '3 months')
                 AT TIME ZONE 'UTC' + g * interval '1 day',
               'system', 'old.action', 'admin', 'success', 'INFO', 'old event ' || g
        FROM generate_series(1, 2) g;
    END $$`);
  const [{ month }] = (await testApp.dataSource.query(
    `SELECT to_char(date_trunc('month', now() AT TIME ZONE 'UTC') - interval '3 months', 'YYYY-MM')
       AS month`,
  )) as { month: string }[];
  return month;
}

async function relationExists(testApp: TestApp, name: string): Promise<boolean> {
  const [row] = (await testApp.dataSource.query(`SELECT to_regclass($1) IS NOT NULL AS found`, [
    name,
  ])) as { found: boolean }[];
  return row.found;
}

/** Runs `statement` as the application role, as a request would. */
function asAppRole(testApp: TestApp, statement: string): Promise<unknown> {
  return withClient(testApp.databaseUrl, async (client) => {
    await client.query('BEGIN');
    await client.query('SET LOCAL ROLE ledgerlens_app');
    try {
      return await client.query(statement);
    } finally {
      await client.query('ROLLBACK');
    }
  });
}

/** Rewrites row `id` and recomputes every later hash and the head: the chain alone still verifies. */
function rewriteHistory(id: string): string {
  return `
    UPDATE audit_changes SET new_data = new_data || '{"email": "forged@example.com"}'
      WHERE id = ${id};
    DO $$
    DECLARE
      prev text := (SELECT hash FROM audit_changes WHERE id < ${id} ORDER BY id DESC LIMIT 1);
      r record;
    BEGIN
      FOR r IN SELECT * FROM audit_changes WHERE id >= ${id} ORDER BY id LOOP
        prev := audit_change_hash(prev, r.table_name, r.row_id, r.action, r.old_data,
          r.new_data, r.changed_columns, r.user_id, r.trace_id, r.changed_at);
        UPDATE audit_changes SET hash = prev WHERE id = r.id;
        UPDATE audit_chain_head SET last_change_id = r.id, last_hash = prev;
      END LOOP;
    END $$`;
}

describe('audit retention, archives and anchors', () => {
  describe('with AUDIT_RETENTION_MONTHS=1', () => {
    let testApp: TestApp;
    let archiveDir: string;
    let month: string;

    beforeAll(async () => {
      archiveDir = mkdtempSync(join(tmpdir(), 'ledgerlens-audit-archive-'));
      testApp = await createTestApp({ AUDIT_RETENTION_MONTHS: '1', ARCHIVE_DIR: archiveDir });
      const [{ n }] = (await testApp.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_changes`,
      )) as { n: number }[];
      expect(n).toBe(0);
      month = await writeOldMonth(testApp);
      await registerUser(testApp, 'current');
    });
    afterAll(async () => {
      await testApp.close();
      await rm(archiveDir, { recursive: true, force: true });
    });

    it('archives the expired month, verifies the files, drops its partitions; the chain verifies from the boundary', async () => {
      const verifier = testApp.app.get(AuditChainVerifier);
      const before = await verifier.verify();
      expect(before).toMatchObject({ ok: true });
      const [old] = (await testApp.dataSource.query(
        `SELECT min(id)::text AS first, max(id)::text AS last,
           (SELECT hash FROM audit_changes WHERE changed_at < date_trunc('month', now()) - interval '1 month'
            ORDER BY id DESC LIMIT 1) AS boundary
         FROM audit_changes WHERE changed_at < date_trunc('month', now()) - interval '1 month'`,
      )) as { first: string; last: string; boundary: string }[];

      const outcome: unknown = await testApp.app.get(AuditRetentionService).runDaily();
      expect(outcome).toBe('succeeded');

      const suffix = month.replace('-', '');
      expect(await relationExists(testApp, `audit_changes_p${suffix}`)).toBe(false);
      expect(await relationExists(testApp, `audit_events_p${suffix}`)).toBe(false);
      // The previous month and the current one stay.
      const [{ kept }] = (await testApp.dataSource.query(
        `SELECT count(*)::int AS kept FROM audit_changes`,
      )) as { kept: number }[];
      expect(kept).toBe((before.checked ?? 0) - OLD_ROWS);

      const year = month.slice(0, 4);
      const manifest = JSON.parse(
        await readFile(
          join(archiveDir, 'audit', year, `audit_changes-${month}.manifest.json`),
          'utf8',
        ),
      ) as AuditArchiveManifest;
      const data = await readFile(
        join(archiveDir, 'audit', year, `audit_changes-${month}.ndjson.gz`),
      );
      expect(manifest).toMatchObject({
        table: 'audit_changes',
        rows: OLD_ROWS,
        firstId: old.first,
        lastId: old.last,
        previousHash: GENESIS_HASH,
        boundaryHash: old.boundary,
        sha256: createHash('sha256').update(data).digest('hex'),
        bytes: data.length,
      });
      const lines = gunzipSync(data).toString('utf8').trimEnd().split('\n');
      const rows = lines.map((line) => JSON.parse(line) as { id: string; hash: string });
      expect(rows).toHaveLength(OLD_ROWS);
      expect(rows[0].id).toBe(old.first);
      expect(rows[OLD_ROWS - 1].hash).toBe(old.boundary);

      const events = JSON.parse(
        await readFile(
          join(archiveDir, 'audit', year, `audit_events-${month}.manifest.json`),
          'utf8',
        ),
      ) as AuditArchiveManifest;
      expect(events).toMatchObject({ table: 'audit_events', rows: 2 });

      const [archived] = (await testApp.dataSource.query(
        `SELECT changes_rows::int, events_rows::int, boundary_change_id::text, boundary_hash
         FROM audit_archives`,
      )) as Record<string, unknown>[];
      expect(archived).toEqual({
        changes_rows: OLD_ROWS,
        events_rows: 2,
        boundary_change_id: old.last,
        boundary_hash: old.boundary,
      });

      // The chain now starts from the archived boundary.
      expect(await verifier.verify()).toEqual({ ok: true, checked: kept });
    });

    it('lets neither the application role drop a month nor change audit rows', async () => {
      await expect(
        asAppRole(testApp, `SELECT audit_drop_archived_month('2020-01-01', '', '{}')`),
      ).rejects.toThrow(/permission denied for function audit_drop_archived_month/);
      await expect(
        asAppRole(testApp, `SELECT audit_ensure_month_partition('audit_changes', '2020-01-01')`),
      ).rejects.toThrow(/permission denied/);
      for (const statement of [
        `UPDATE audit_changes SET hash = hash`,
        `DELETE FROM audit_changes`,
        `DELETE FROM audit_events`,
        `DELETE FROM audit_changes_default`,
      ]) {
        await expect(asAppRole(testApp, statement)).rejects.toThrow(/permission denied/);
      }
      // The owner is refused too: by the append-only triggers, and a month that is not over.
      await expect(testApp.dataSource.query(`DELETE FROM audit_changes`)).rejects.toThrow(
        /append-only/,
      );
      await expect(
        testApp.dataSource.query(`SELECT audit_drop_archived_month(now()::date, '', '{}')`),
      ).rejects.toThrow(/is not over/);
    });

    it('detects a rewrite of history by a superuser against the anchors: which anchor, which rows', async () => {
      const anchors = testApp.app.get(AuditAnchors);
      const first = await anchors.anchor();
      await registerUser(testApp, 'later');
      const second = await anchors.anchor();
      expect(Number(second.rows)).toBeGreaterThan(Number(first.rows));
      const anchored = (await readFile(anchors.file, 'utf8')).trimEnd().split('\n');
      expect(anchored.map((line) => JSON.parse(line) as unknown)).toEqual([first, second]);
      expect(await anchors.verify()).toEqual({ ok: true, checked: 2, skipped: 0 });

      // A row after the first anchor, rewritten with every later hash recomputed.
      const [{ id }] = (await testApp.dataSource.query(
        `SELECT min(id)::text AS id FROM audit_changes WHERE id > $1`,
        [first.lastChangeId],
      )) as { id: string }[];
      await tamperWithAuditChanges(testApp.databaseUrl, rewriteHistory(id));

      expect(await testApp.app.get(AuditChainVerifier).verify()).toMatchObject({ ok: true });
      const verification = await anchors.verify();
      expect(verification).toMatchObject({
        ok: false,
        checked: 1,
        mismatch: {
          line: 2,
          anchor: second,
          rowId: second.lastChangeId,
          afterRowId: first.lastChangeId,
          reason: expect.stringMatching(/another hash/) as unknown,
        },
      });
      expect(verification.mismatch?.storedHash).not.toBe(second.headHash);
      // The daily job refuses to anchor over the rewritten history.
      const outcome: unknown = await anchors.anchorDaily();
      expect(outcome).toBe('failed');
      expect((await readFile(anchors.file, 'utf8')).trimEnd().split('\n')).toHaveLength(2);
    });
  });

  describe('with retention off (the default)', () => {
    let testApp: TestApp;
    let archiveDir: string;

    beforeAll(async () => {
      archiveDir = mkdtempSync(join(tmpdir(), 'ledgerlens-audit-archive-'));
      testApp = await createTestApp({ ...ADMIN_ENV, ARCHIVE_DIR: archiveDir });
    });
    afterAll(async () => {
      await testApp.close();
      await rm(archiveDir, { recursive: true, force: true });
    });

    it('keeps every month, giving rows that reached the DEFAULT partition a partition of their own', async () => {
      expect(testApp.config.AUDIT_RETENTION_MONTHS).toBeUndefined();
      const month = await writeOldMonth(testApp);
      const suffix = month.replace('-', '');
      const inDefault = (await testApp.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_changes_default`,
      )) as { n: number }[];
      expect(inDefault[0].n).toBe(OLD_ROWS);

      const outcome: unknown = await testApp.app.get(AuditRetentionService).runDaily();
      expect(outcome).toBe('succeeded');

      expect(await relationExists(testApp, `audit_changes_p${suffix}`)).toBe(true);
      const counts = (await testApp.dataSource.query(
        `SELECT (SELECT count(*)::int FROM audit_changes_p${suffix}) AS month,
                (SELECT count(*)::int FROM audit_changes_default) AS default_rows,
                (SELECT count(*)::int FROM audit_archives) AS archives`,
      )) as { month: number; default_rows: number; archives: number }[];
      expect(counts[0]).toEqual({ month: OLD_ROWS, default_rows: 0, archives: 0 });
      // Every row is still stored and verified: the old month's and the admin's of startup.
      const [{ total }] = (await testApp.dataSource.query(
        `SELECT count(*)::int AS total FROM audit_changes`,
      )) as { total: number }[];
      expect(total).toBeGreaterThan(OLD_ROWS);
      expect(await testApp.app.get(AuditChainVerifier).verify()).toEqual({
        ok: true,
        checked: total,
      });
    });

    it('answers an admin with the anchor a rewrite breaks (GET /audit/verify/anchors)', async () => {
      const admin = await signInAdmin(testApp);
      const anchors = testApp.app.get(AuditAnchors);
      const anchor = await anchors.anchor();
      const ok = await testApp.http.get('/api/v1/audit/verify/anchors').set(admin.auth).expect(200);
      expect(ok.body).toEqual({ ok: true, checked: 1, skipped: 0 });

      const [{ id }] = (await testApp.dataSource.query(
        `SELECT max(id)::text AS id FROM audit_changes`,
      )) as { id: string }[];
      expect(id).toBe(anchor.lastChangeId);
      await tamperWithAuditChanges(testApp.databaseUrl, rewriteHistory(id));
      const broken = await testApp.http
        .get('/api/v1/audit/verify/anchors')
        .set(admin.auth)
        .expect(200);
      expect(broken.body).toMatchObject({
        ok: false,
        checked: 0,
        mismatch: { line: 1, rowId: id, afterRowId: null, storedRows: anchor.rows },
      });
      const user = await registerUser(testApp, 'not-admin');
      await testApp.http.get('/api/v1/audit/verify/anchors').set(user.auth).expect(403);
    });
  });
});
