import { mkdir, mkdtemp, readdir, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addSweeps, EMPTY_SWEEP, sweepTempFiles, TempLocation } from './temp-file-sweep';

const MINUTE = 60_000;

/** The module object the sweep calls into (an `import *` would be a copy, not it). */
const fsPromises = jest.requireActual<typeof import('node:fs/promises')>('node:fs/promises');

/** Writes `name` in `dir` with `bytes` bytes, last modified `minutesAgo`. */
async function file(dir: string, name: string, minutesAgo: number, bytes = 10): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, 'x'.repeat(bytes));
  const when = new Date(Date.now() - minutesAgo * MINUTE);
  await utimes(path, when, when);
  return path;
}

describe('sweepTempFiles (real files in a temporary folder)', () => {
  let root: string;
  let dir: string;
  let outside: string;
  /** `.part` files expire after 60 minutes, `.json` after 120; other names are not ours. */
  let location: TempLocation;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'ledgerlens-sweep-'));
    dir = join(root, 'temp');
    outside = join(root, 'outside');
    await mkdir(dir);
    await mkdir(outside);
    location = {
      name: 'test',
      dir,
      maxAgeMs: (name) =>
        name.endsWith('.part') ? 60 * MINUTE : name.endsWith('.json') ? 120 * MINUTE : undefined,
    };
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    await rm(root, { recursive: true, force: true });
  });

  it('removes old files and reports count, bytes and the oldest age; keeps fresh and foreign files', async () => {
    await file(dir, 'a.part', 90, 100);
    await file(dir, 'b.json', 300, 20);
    await file(dir, 'fresh.part', 5);
    await file(dir, 'fresh.json', 90);
    await file(dir, 'notes.txt', 10_000);
    const report = await sweepTempFiles(location);
    expect(report).toEqual({
      removed: 2,
      bytes: 120,
      oldestAgeMs: expect.any(Number) as number,
      failed: 0,
    });
    const oldestMinutes = (report.oldestAgeMs ?? 0) / MINUTE;
    expect(oldestMinutes).toBeGreaterThanOrEqual(300);
    expect(oldestMinutes).toBeLessThan(301);
    expect((await readdir(dir)).sort()).toEqual(['fresh.json', 'fresh.part', 'notes.txt']);
  });

  it('reports nothing for a missing or empty folder', async () => {
    expect(await sweepTempFiles({ ...location, dir: join(root, 'missing') })).toEqual(EMPTY_SWEEP);
    expect(await sweepTempFiles(location)).toEqual(EMPTY_SWEEP);
  });

  it('does not fail when a file vanishes during the sweep', async () => {
    const gone = await file(dir, 'gone.part', 90);
    const removedMeanwhile = await file(dir, 'raced.part', 90);
    await file(dir, 'kept-going.part', 90);
    // The first file disappears between the listing and its lstat, the second between its
    // lstat and its removal (as when two sweeps or the writer race).
    const realLstat = fsPromises.lstat;
    jest.spyOn(fsPromises, 'lstat').mockImplementation(async (path, ...rest) => {
      if (path === gone) await rm(gone);
      const info = await realLstat(path, ...(rest as []));
      if (path === removedMeanwhile) await rm(removedMeanwhile);
      return info;
    });
    const report = await sweepTempFiles(location);
    expect(report).toMatchObject({ removed: 1, failed: 0 });
    expect(await readdir(dir)).toEqual([]);
  });

  it('neither follows nor removes symbolic links, to files or folders outside', async () => {
    const target = await file(outside, 'precious.part', 10_000);
    await file(join(outside), 'inner.part', 10_000);
    await symlink(target, join(dir, 'link.part'));
    await symlink(outside, join(dir, 'folder.part'));
    const old = new Date(Date.now() - 10_000 * MINUTE);
    await fsPromises.lutimes(join(dir, 'link.part'), old, old);
    const report = await sweepTempFiles(location);
    expect(report).toEqual(EMPTY_SWEEP);
    expect((await readdir(dir)).sort()).toEqual(['folder.part', 'link.part']);
    expect((await readdir(outside)).sort()).toEqual(['inner.part', 'precious.part']);
  });

  it('leaves subfolders alone unless nested', async () => {
    await mkdir(join(dir, 'old.part'));
    await file(join(dir, 'old.part'), 'inside.part', 10_000);
    expect(await sweepTempFiles(location)).toEqual(EMPTY_SWEEP);
    expect(await readdir(join(dir, 'old.part'))).toEqual(['inside.part']);
  });

  it('when nested, sweeps the folders at any depth, but never through a link to a folder', async () => {
    const deep = join(dir, '2026', '08');
    await mkdir(deep, { recursive: true });
    await file(deep, 'old.part', 90, 30);
    await file(deep, 'fresh.part', 5);
    await file(join(dir, '2026'), 'old.json', 300, 7);
    await file(outside, 'inner.part', 10_000);
    await symlink(outside, join(dir, 'linked'));
    const report = await sweepTempFiles({ ...location, nested: true });
    expect(report).toMatchObject({ removed: 2, bytes: 37, failed: 0 });
    expect(await readdir(deep)).toEqual(['fresh.part']);
    expect(await readdir(join(dir, '2026'))).toEqual(['08']);
    expect(await readdir(outside)).toEqual(['inner.part']);
  });

  it('adds reports: counts and bytes sum, the oldest age is the larger', () => {
    expect(
      addSweeps(
        { removed: 1, bytes: 5, oldestAgeMs: 10, failed: 0 },
        { removed: 2, bytes: 7, oldestAgeMs: 30, failed: 1 },
      ),
    ).toEqual({ removed: 3, bytes: 12, oldestAgeMs: 30, failed: 1 });
    expect(addSweeps(EMPTY_SWEEP, EMPTY_SWEEP)).toEqual(EMPTY_SWEEP);
  });
});
