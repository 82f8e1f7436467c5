import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { placeArchive, removeArchive, writeVerifiedArchive } from './archive-files';
import { archivePathsOf } from './archive-layout';

/** A line `linesOf` writes. */
interface ArchiveLine {
  id: string;
  message: string;
}

async function* linesOf(count: number): AsyncGenerator<string> {
  for (let i = 0; i < count; i++) {
    const line: ArchiveLine = { id: String(i), message: 'é'.repeat(i) };
    yield `${JSON.stringify(line)}\n`;
  }
}

describe('archive files', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ledgerlens-archive-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('lays out one file and manifest per day and run, by year and month', () => {
    const paths = archivePathsOf('/archive', '2026-08-01', '12');
    expect(paths).toEqual({
      dir: '/archive/app_logs/2026/08',
      data: '/archive/app_logs/2026/08/app_logs-2026-08-01-run12.ndjson.gz',
      manifest: '/archive/app_logs/2026/08/app_logs-2026-08-01-run12.manifest.json',
      partialData: '/archive/app_logs/2026/08/app_logs-2026-08-01-run12.ndjson.gz.partial',
      partialManifest: '/archive/app_logs/2026/08/app_logs-2026-08-01-run12.manifest.json.partial',
      file: 'app_logs/2026/08/app_logs-2026-08-01-run12.ndjson.gz',
    });
  });

  it('writes gzip NDJSON that reads back line for line, and places it with its manifest', async () => {
    const paths = archivePathsOf(dir, '2026-08-01', '3');
    const digest = await writeVerifiedArchive(paths, linesOf(2500), 2500);

    const partial = await readFile(paths.partialData);
    expect(digest).toEqual({
      sha256: createHash('sha256').update(partial).digest('hex'),
      bytes: partial.length,
    });
    const lines = gunzipSync(partial).toString('utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((line) => (JSON.parse(line) as ArchiveLine).id)).toEqual(
      Array.from({ length: 2500 }, (_, i) => String(i)),
    );

    await placeArchive(paths, {
      partition: 'app_logs_p20260801',
      day: '2026-08-01',
      runId: '3',
      rows: 2500,
      ...digest,
      minLoggedAt: '2026-08-01T00:00:00.000001Z',
      maxLoggedAt: '2026-08-01T23:59:59.999999Z',
    });
    expect((await readdir(paths.dir)).sort()).toEqual([
      'app_logs-2026-08-01-run3.manifest.json',
      'app_logs-2026-08-01-run3.ndjson.gz',
    ]);
    expect(JSON.parse(await readFile(paths.manifest, 'utf8'))).toEqual({
      table: 'app_logs',
      partition: 'app_logs_p20260801',
      day: '2026-08-01',
      runId: '3',
      file: 'app_logs-2026-08-01-run3.ndjson.gz',
      rows: 2500,
      sha256: digest.sha256,
      bytes: digest.bytes,
      minLoggedAt: '2026-08-01T00:00:00.000001Z',
      maxLoggedAt: '2026-08-01T23:59:59.999999Z',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
    });
  });

  it('refuses a file that does not read back as many lines as the database counted', async () => {
    const paths = archivePathsOf(dir, '2026-08-01', '4');
    await expect(writeVerifiedArchive(paths, linesOf(10), 11)).rejects.toThrow(
      /10 of 11 rows read back/,
    );
  });

  it('never overwrites an archive, and removes partial and placed files alike', async () => {
    const paths = archivePathsOf(dir, '2026-08-01', '5');
    await writeVerifiedArchive(paths, linesOf(1), 1);
    await expect(writeVerifiedArchive(paths, linesOf(1), 1)).rejects.toThrow(/EEXIST/);
    await writeFile(paths.manifest, '{}');
    await removeArchive(paths);
    expect(await readdir(paths.dir)).toEqual([]);
  });
});
