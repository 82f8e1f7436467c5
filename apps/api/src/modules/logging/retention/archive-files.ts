import { basename } from 'node:path';
import {
  ArchivePaths,
  placeArchive as placeArchiveFiles,
} from '../../../common/archive/verified-archive';

export { removeArchive, writeVerifiedArchive } from '../../../common/archive/verified-archive';

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

/** Writes the day's manifest, then renames both partial files into place, durably. */
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
  await placeArchiveFiles(paths, complete);
}
