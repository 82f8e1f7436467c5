/** What started an archive run. */
export const ARCHIVE_RUN_TRIGGERS = ['schedule', 'manual'] as const;
export type ArchiveRunTrigger = (typeof ARCHIVE_RUN_TRIGGERS)[number];

/** One archive file a run wrote, as listed in `archive_runs.files`. */
export interface ArchivedFile {
  /** Relative to ARCHIVE_DIR. */
  path: string;
  /** The UTC day of its rows, `YYYY-MM-DD`. */
  day: string;
  rows: number;
  /** Of the gzip file as stored. */
  sha256: string;
  bytes: number;
}

/** A UTC day that may hold expired logs, and its partition. */
export interface ArchiveDay {
  /** `YYYY-MM-DD`. */
  day: string;
  /** `app_logs_pYYYYMMDD`. */
  table: string;
}
