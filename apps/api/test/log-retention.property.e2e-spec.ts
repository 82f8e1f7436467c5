import fc from 'fast-check';
import { LOG_LEVELS, LOG_SOURCES } from '@ledgerlens/contracts';
import { mkdtempSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { LogArchiveService } from '../src/modules/logging/retention/log-archive.service';
import { createTestApp, TestApp } from './support/test-app';

const DAY_MS = 86_400_000;

interface Rule {
  field: 'level' | 'source';
  value: string;
  days: number;
}

const ruleArb: fc.Arbitrary<Rule> = fc.oneof(
  fc.record({
    field: fc.constant('level' as const),
    value: fc.constantFrom(...LOG_LEVELS),
    days: fc.integer({ min: 0, max: 200 }),
  }),
  fc.record({
    field: fc.constant('source' as const),
    value: fc.constantFrom(...LOG_SOURCES),
    days: fc.integer({ min: 0, max: 200 }),
  }),
);

interface Settings {
  defaultDays: number;
  rules: Rule[];
}

const settingsArb: fc.Arbitrary<Settings> = fc.record({
  defaultDays: fc.integer({ min: 1, max: 200 }),
  rules: fc.array(ruleArb, { maxLength: 4 }),
});

/** Any age, or one within a day of a configured retention, where an off-by-one would show. */
const ageArb = (settings: Settings) =>
  fc.oneof(
    fc.integer({ min: 0, max: 200 }),
    fc
      .constantFrom(settings.defaultDays, ...settings.rules.map((rule) => rule.days))
      .chain((days) => fc.integer({ min: Math.max(0, days - 1), max: Math.min(200, days + 1) })),
  );

const rowArb = fc.record({
  dayIndex: fc.nat(),
  second: fc.integer({ min: 0, max: 86_399 }),
  microsecond: fc.integer({ min: 0, max: 999_999 }),
  level: fc.constantFrom(...LOG_LEVELS),
  source: fc.constantFrom(...LOG_SOURCES),
});

/** Settings, a few days (so rows share a day, and its partition when it has one), rows. */
const scenarioArb = settingsArb.chain((settings) =>
  fc.record({
    settings: fc.constant(settings),
    days: fc.uniqueArray(fc.record({ age: ageArb(settings) }), {
      selector: (day) => day.age,
      minLength: 1,
      maxLength: 6,
    }),
    rows: fc.array(rowArb, { minLength: 10, maxLength: 40 }),
  }),
);

/** The documented rule, computed independently: the longest matching rule, else the default. */
function retentionDays(settings: Settings, row: { level: string; source: string }): number {
  const matching = settings.rules.filter((rule) => row[rule.field] === rule.value);
  return matching.length ? Math.max(...matching.map((rule) => rule.days)) : settings.defaultDays;
}

describe('log retention (property)', () => {
  let testApp: TestApp;
  let archiveDir: string;

  const utcToday = async () =>
    (
      await testApp.dataSource.query(
        `SELECT to_char((now() AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS today`,
      )
    )[0].today as string;

  beforeAll(async () => {
    archiveDir = mkdtempSync(join(tmpdir(), 'ledgerlens-archive-'));
    testApp = await createTestApp({ ARCHIVE_DIR: archiveDir });
  });
  afterAll(async () => {
    await testApp.close();
    await rm(archiveDir, { recursive: true, force: true });
  });

  it('removes exactly the expired rows, each archived in exactly one file whose manifest counts it', async () => {
    const archive = testApp.app.get(LogArchiveService);

    await fc.assert(
      fc.asyncProperty(scenarioArb, async ({ settings, days, rows: generated }) => {
        await testApp.dataSource.query(`TRUNCATE app_logs`);
        // A run reads the retention settings when it starts.
        testApp.config.LOG_RETENTION_DAYS = settings.defaultDays;
        testApp.config.LOG_RETENTION_OVERRIDES = settings.rules
          .map((rule) => `${rule.field}:${rule.value}=${rule.days}`)
          .join(',');

        const today = await utcToday();
        const dayOf = (age: number) =>
          new Date(Date.parse(`${today}T00:00:00Z`) - age * DAY_MS).toISOString().slice(0, 10);
        for (const day of days) {
          await testApp.dataSource.query(`SELECT app_logs_ensure_partition($1)`, [dayOf(day.age)]);
        }
        const rows = generated.map((row, index) => ({
          ...row,
          index,
          age: days[row.dayIndex % days.length].age,
          day: dayOf(days[row.dayIndex % days.length].age),
        }));
        const inserted: { id: string; index: number }[] = await testApp.dataSource.query(
          `INSERT INTO app_logs (logged_at, level, severity_number, source, message)
           SELECT r.day::timestamp AT TIME ZONE 'UTC' + r.second * interval '1 second'
               + r.microsecond * interval '1 microsecond', r.level, 9, r.source, r.index::text
           FROM jsonb_to_recordset($1::jsonb)
             AS r(day date, second int, microsecond int, level varchar, source varchar, index int)
           RETURNING id::text AS id, message::int AS index`,
          [JSON.stringify(rows)],
        );
        const idOf = new Map(inserted.map((row) => [row.index, row.id]));

        expect(await archive.runScheduled()).toBe('succeeded');
        // A run that crossed midnight UTC judged by another day than the one computed here.
        fc.pre((await utcToday()) === today);

        const expired = rows.filter((row) => row.age > retentionDays(settings, row));
        const removedIds = expired.map((row) => idOf.get(row.index) as string).sort();
        const keptIds = rows
          .filter((row) => !expired.includes(row))
          .map((row) => idOf.get(row.index) as string)
          .sort();
        const stored = await testApp.dataSource.query(`SELECT id::text AS id FROM app_logs`);
        expect(stored.map((row: { id: string }) => row.id).sort()).toEqual(keptIds);

        const [run] = await testApp.dataSource.query(
          `SELECT status, rows_archived::int AS "rowsArchived", files
           FROM archive_runs ORDER BY id DESC LIMIT 1`,
        );
        expect(run.status).toBe('succeeded');
        expect(run.rowsArchived).toBe(removedIds.length);
        const archivedIds: string[] = [];
        for (const file of run.files as { path: string; day: string; rows: number }[]) {
          const lines = gunzipSync(await readFile(join(archiveDir, file.path)))
            .toString('utf8')
            .trimEnd()
            .split('\n')
            .map((line) => JSON.parse(line) as { id: string; logged_at: string });
          const manifest = JSON.parse(
            await readFile(
              join(archiveDir, file.path.replace('.ndjson.gz', '.manifest.json')),
              'utf8',
            ),
          );
          expect(manifest.rows).toBe(lines.length);
          expect(file.rows).toBe(lines.length);
          expect(lines.every((line) => line.logged_at.startsWith(file.day))).toBe(true);
          archivedIds.push(...lines.map((line) => line.id));
        }
        // Each removed row in exactly one file, and nothing else archived.
        expect(archivedIds.sort()).toEqual(removedIds);
        // The hourly rollups count exactly the rows that are left.
        const rollups = `SELECT hour, level, source, count::int AS count FROM app_log_hourly_counts
          WHERE count > 0 ORDER BY 1, 2, 3`;
        const counted = `SELECT date_trunc('hour', logged_at, 'UTC') AS hour, level, source,
            count(*)::int AS count
          FROM app_logs GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
        expect(await testApp.dataSource.query(rollups)).toEqual(
          await testApp.dataSource.query(counted),
        );
      }),
      { numRuns: 20 },
    );
  }, 60_000);
});
