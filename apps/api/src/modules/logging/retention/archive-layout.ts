import { archivePathsIn, ArchivePaths } from '../../../common/archive/verified-archive';

export type { ArchivePaths } from '../../../common/archive/verified-archive';

/**
 * `app_logs/YYYY/MM/app_logs-YYYY-MM-DD-run<runId>.ndjson.gz` and its
 * `….manifest.json` under `archiveDir`; the run ID keeps files of different runs apart.
 */
export function archivePathsOf(archiveDir: string, day: string, runId: string): ArchivePaths {
  const [year, month] = day.split('-');
  return archivePathsIn(archiveDir, `app_logs/${year}/${month}`, `app_logs-${day}-run${runId}`);
}
