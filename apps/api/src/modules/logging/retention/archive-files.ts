import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { ArchivePaths } from './archive-layout';
import { FileDigest, inspectGzipLines, writeGzipLines } from './gzip-ndjson';

/** Written next to each archive file: enough to check the file without the database. */
export interface ArchiveManifest {
  table: 'app_logs';
  /** The partition the rows came from (`app_logs_pYYYYMMDD`). */
  partition: string;
  day: string;
  runId: string;
  file: string;
  rows: number;
  sha256: string;
  bytes: number;
  /** Of the archived rows, ISO 8601 UTC with microseconds. */
  minLoggedAt: string;
  maxLoggedAt: string;
  createdAt: string;
}

/** Makes renames in `dir` survive a crash. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes `lines` to the partial data file, then reads it back: it must decompress to `rows`
 * lines and hash as it did while written. Resolves with its digest; the file stays partial.
 */
export async function writeVerifiedArchive(
  paths: ArchivePaths,
  lines: AsyncIterable<string>,
  rows: number,
): Promise<FileDigest> {
  await mkdir(paths.dir, { recursive: true });
  const written = await writeGzipLines(paths.partialData, lines);
  const read = await inspectGzipLines(paths.partialData);
  if (read.lines !== rows || read.sha256 !== written.sha256 || read.bytes !== written.bytes) {
    throw new Error(
      `The archive ${paths.file} did not verify: ${read.lines} of ${rows} rows read back, ` +
        `sha256 ${read.sha256} (written ${written.sha256})`,
    );
  }
  return written;
}

/** Writes the manifest, then renames both partial files into place, durably. */
export async function placeArchive(
  paths: ArchivePaths,
  manifest: Omit<ArchiveManifest, 'table' | 'file' | 'createdAt'>,
): Promise<void> {
  const complete: ArchiveManifest = {
    table: 'app_logs',
    file: basename(paths.data),
    ...manifest,
    createdAt: new Date().toISOString(),
  };
  await writeFile(paths.partialManifest, `${JSON.stringify(complete, null, 2)}\n`, {
    flag: 'wx',
    flush: true,
  });
  await rename(paths.partialData, paths.data);
  await rename(paths.partialManifest, paths.manifest);
  await syncDirectory(paths.dir);
}

/** Removes whatever was written of an archive, partial or placed. */
export async function removeArchive(paths: ArchivePaths): Promise<void> {
  await Promise.all(
    [paths.partialData, paths.partialManifest, paths.data, paths.manifest].map((path) =>
      rm(path, { force: true }),
    ),
  );
}
