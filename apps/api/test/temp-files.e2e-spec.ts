import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { Writable } from 'node:stream';
import { ARCHIVES_LOCATION, TEMP_FILES_JOB, TempFiles } from '../src/common/files/temp-files';
import { createTestApp, TestApp } from './support/test-app';

/** Collects the JSON log lines the app writes. */
class LogCapture extends Writable {
  readonly lines: Record<string, unknown>[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      this.lines.push(JSON.parse(line) as Record<string, unknown>);
    }
    done();
  }
}

const MINUTE = 60_000;

describe('the hourly temporary-files job, on the exports folder', () => {
  const logs = new LogCapture();
  let testApp: TestApp;
  let root: string;
  let exportDir: string;
  let archiveDir: string;

  /** Writes `name` (in the exports folder unless a path), `bytes` long, last modified `minutesAgo`. */
  async function file(name: string, minutesAgo: number, bytes: number): Promise<void> {
    const path = isAbsolute(name) ? name : join(exportDir, name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, 'x'.repeat(bytes));
    const when = new Date(Date.now() - minutesAgo * MINUTE);
    await utimes(path, when, when);
  }

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'ledgerlens-temp-files-'));
    exportDir = join(root, 'exports');
    archiveDir = join(root, 'archive');
    testApp = await createTestApp(
      {
        LOG_LEVEL: 'info',
        EXPORT_DIR: exportDir,
        ARCHIVE_DIR: archiveDir,
        EXPORT_TTL_HOURS: '24',
        TEMP_FILE_MAX_AGE_MINUTES: '30',
      },
      { logDestination: logs },
    );
  });

  afterAll(async () => {
    await testApp?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('removes interrupted and expired exports once, keeps the rest, and logs what it removed', async () => {
    const [interrupted, writing, kept, expired] = Array.from({ length: 4 }, () => randomUUID());
    await mkdir(exportDir, { recursive: true });
    await file(`${interrupted}.part`, 45, 1000); // older than TEMP_FILE_MAX_AGE_MINUTES
    await file(`${writing}.part`, 1, 10); // still being written
    await file(kept, 23 * 60, 10); // within EXPORT_TTL_HOURS
    await file(`${kept}.json`, 23 * 60, 10);
    await file(expired, 25 * 60, 200);
    await file(`${expired}.json`, 25 * 60, 50);

    expect(await testApp.app.get(TempFiles).removeExpired()).toBe('succeeded');

    expect((await readdir(exportDir)).sort()).toEqual(
      [`${writing}.part`, kept, `${kept}.json`].sort(),
    );
    const line = logs.lines.find((entry) => entry.job === TEMP_FILES_JOB);
    expect(line).toMatchObject({
      msg: expect.stringMatching(
        /^Removed 3 temporary file\(s\), 1250 bytes, the oldest 150\d min old$/,
      ),
      removed: 3,
      bytes: 1250,
      failed: 0,
      locations: { exports: { removed: 3, bytes: 1250 } },
    });
    expect(line?.oldestAgeMinutes).toBeGreaterThanOrEqual(25 * 60);

    // The next run finds nothing more to remove.
    expect(await testApp.app.get(TempFiles).sweep()).toMatchObject({ removed: 0, failed: 0 });
  });

  it('removes the stale .partial files of interrupted archive runs, never a fresh one or an archive', async () => {
    const day = join(archiveDir, 'app_logs', '2026', '08');
    const month = join(archiveDir, 'audit', '2026');
    const stale = [
      join(day, 'app_logs-2026-08-01.ndjson.gz.partial'),
      join(day, 'app_logs-2026-08-01.manifest.json.partial'),
      join(month, 'audit_events-2026-01.ndjson.gz.partial'),
    ];
    const kept = [
      join(day, 'app_logs-2026-08-02.ndjson.gz.partial'), // a run writing it now
      join(day, 'app_logs-2026-07-31.ndjson.gz'), // archives, however old
      join(day, 'app_logs-2026-07-31.manifest.json'),
      join(archiveDir, 'audit', 'anchors.ndjson'),
    ];
    await file(stale[0], 45, 400);
    await file(stale[1], 45, 20);
    await file(stale[2], 24 * 60, 80);
    await file(kept[0], 1, 10);
    for (const path of kept.slice(1)) await file(path, 365 * 24 * 60, 10);
    const linesBefore = logs.lines.length;

    expect(await testApp.app.get(TempFiles).removeExpired()).toBe('succeeded');

    expect(await readdir(month)).toEqual([]);
    expect((await readdir(day)).sort()).toEqual(
      kept
        .slice(0, 3)
        .map((path) => basename(path))
        .sort(),
    );
    expect(await readdir(join(archiveDir, 'audit'))).toEqual(
      expect.arrayContaining(['anchors.ndjson', '2026']),
    );
    const line = logs.lines.slice(linesBefore).find((entry) => entry.job === TEMP_FILES_JOB);
    expect(line).toMatchObject({
      removed: 3,
      bytes: 500,
      failed: 0,
      locations: { [ARCHIVES_LOCATION]: { removed: 3, bytes: 500 } },
    });
  });
});
