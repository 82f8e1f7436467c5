import { Dirent } from 'node:fs';
import { lstat, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A folder the application keeps temporary files in, and how long each may stay: `maxAgeMs`
 * of a file's name, or undefined to keep the file whatever its age.
 */
export interface TempLocation {
  /** Names the location in reports, e.g. `exports`. */
  name: string;
  dir: string;
  maxAgeMs: (fileName: string) => number | undefined;
  /** Also sweeps the folders in `dir`, at any depth (never through a symbolic link). */
  nested?: boolean;
}

/** What one sweep removed. */
export interface TempSweepReport {
  removed: number;
  bytes: number;
  /** Age of the oldest file removed, in milliseconds; null when nothing was removed. */
  oldestAgeMs: number | null;
  /** Files that were due but could not be removed (other than those that vanished meanwhile). */
  failed: number;
}

export const EMPTY_SWEEP: TempSweepReport = { removed: 0, bytes: 0, oldestAgeMs: null, failed: 0 };

/** Adds two reports together. */
export function addSweeps(a: TempSweepReport, b: TempSweepReport): TempSweepReport {
  const ages = [a.oldestAgeMs, b.oldestAgeMs].filter((age): age is number => age !== null);
  return {
    removed: a.removed + b.removed,
    bytes: a.bytes + b.bytes,
    oldestAgeMs: ages.length > 0 ? Math.max(...ages) : null,
    failed: a.failed + b.failed,
  };
}

const vanished = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * Removes the regular files directly in `location.dir` (and, when `nested`, in its folders) older
 * (by modification time) than their `maxAgeMs`. Nothing else is touched: not folders, and not
 * symbolic links, which are neither followed nor removed, so a link cannot make the sweep delete
 * a file elsewhere. A missing folder or a file removed meanwhile (by another instance's sweep, or
 * the writer) is not an error; a file that cannot be removed is counted in `failed` and the sweep
 * goes on.
 */
export async function sweepTempFiles(
  location: TempLocation,
  now = Date.now(),
): Promise<TempSweepReport> {
  let report = EMPTY_SWEEP;
  let entries: Dirent[];
  try {
    // File types as the folder lists them: a symbolic link is a link, whatever it points to.
    entries = await readdir(location.dir, { withFileTypes: true });
  } catch (error) {
    if (vanished(error)) return report;
    throw error;
  }
  for (const entry of entries) {
    const path = join(location.dir, entry.name);
    if (entry.isDirectory()) {
      if (location.nested) {
        report = addSweeps(report, await sweepTempFiles({ ...location, dir: path }, now));
      }
      continue;
    }
    const maxAgeMs = location.maxAgeMs(entry.name);
    if (maxAgeMs === undefined || !entry.isFile()) continue;
    const info = await lstat(path).catch((error: unknown) => {
      if (vanished(error)) return undefined;
      throw error;
    });
    if (!info?.isFile()) continue;
    const ageMs = now - info.mtimeMs;
    if (ageMs <= maxAgeMs) continue;
    try {
      await rm(path);
    } catch (error) {
      if (!vanished(error)) report = addSweeps(report, { ...EMPTY_SWEEP, failed: 1 });
      continue;
    }
    report = addSweeps(report, { removed: 1, bytes: info.size, oldestAgeMs: ageMs, failed: 0 });
  }
  return report;
}
