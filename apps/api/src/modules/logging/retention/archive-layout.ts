import { join } from 'node:path';

/** Where one run's archive of one day goes. Paths under `dir` are absolute; `file` is relative. */
export interface ArchivePaths {
  /** The folder, e.g. `<ARCHIVE_DIR>/app_logs/2026/08`. */
  dir: string;
  /** The gzip NDJSON file. */
  data: string;
  manifest: string;
  /** Written first, renamed to `data` / `manifest` once verified. */
  partialData: string;
  partialManifest: string;
  /** `data` relative to ARCHIVE_DIR, as recorded in `archive_runs.files`. */
  file: string;
}

/**
 * `app_logs/YYYY/MM/app_logs-YYYY-MM-DD-run<runId>.ndjson.gz` and its
 * `….manifest.json` under `archiveDir`; the run ID keeps files of different runs apart.
 */
export function archivePathsOf(archiveDir: string, day: string, runId: string): ArchivePaths {
  const [year, month] = day.split('-');
  const folder = join('app_logs', year, month);
  const base = `app_logs-${day}-run${runId}`;
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
