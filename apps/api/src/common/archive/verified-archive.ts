import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FileDigest, inspectGzipLines, writeGzipLines } from './gzip-ndjson';

/** Where one archive file and its manifest go. Paths but `file` are absolute. */
export interface ArchivePaths {
  /** The folder, e.g. `<ARCHIVE_DIR>/app_logs/2026/08`. */
  dir: string;
  /** The gzip NDJSON file. */
  data: string;
  manifest: string;
  /** Written first, renamed to `data` / `manifest` once verified. */
  partialData: string;
  partialManifest: string;
  /** `data` relative to the archive folder, as runs record it. */
  file: string;
}

/** `<folder>/<base>.ndjson.gz` and `<folder>/<base>.manifest.json` under `archiveDir`. */
export function archivePathsIn(archiveDir: string, folder: string, base: string): ArchivePaths {
  const dir = join(archiveDir, folder);
  const data = join(dir, `${base}.ndjson.gz`);
  const manifest = join(dir, `${base}.manifest.json`);
  return {
    dir,
    data,
    manifest,
    partialData: `${data}.partial`,
    partialManifest: `${manifest}.partial`,
    file: join(folder, `${base}.ndjson.gz`),
  };
}

/** Makes renames in `dir` survive a crash. */
export async function syncDirectory(dir: string): Promise<void> {
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

/** Writes `manifest`, then renames both partial files into place, durably. */
export async function placeArchive(paths: ArchivePaths, manifest: object): Promise<void> {
  await writeFile(paths.partialManifest, `${JSON.stringify(manifest, null, 2)}\n`, {
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
