/** Log levels, in increasing order of gravity (pino's names). */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * The OpenTelemetry severity number of each level (the first of its range: TRACE 1–4,
 * DEBUG 5–8, INFO 9–12, WARN 13–16, ERROR 17–20, FATAL 21–24).
 */
export const LOG_SEVERITY_NUMBERS: Readonly<Record<LogLevel, number>> = {
  trace: 1,
  debug: 5,
  info: 9,
  warn: 13,
  error: 17,
  fatal: 21,
};

/** Where a stored log line came from. */
export const LOG_SOURCES = ['backend', 'frontend'] as const;
export type LogSource = (typeof LOG_SOURCES)[number];

export const LOG_EXPORT_FORMATS = ['json', 'csv', 'txt'] as const;
export type LogExportFormat = (typeof LOG_EXPORT_FORMATS)[number];

/** Limits of `POST /api/v1/logging/logs/batch`. */
export const LOG_INGEST_LIMITS = {
  entriesPerBatch: 100,
  messageBytes: 64 * 1024,
  requestBytes: 1024 * 1024,
  /** Older entries are refused: each day of logs is a partition, made when first written to. */
  maxAgeDays: 7,
  /** Browser clocks drift: an entry may be this far ahead of the server. */
  clockToleranceMinutes: 60,
} as const;

export const ARCHIVE_RUN_STATUSES = ['running', 'succeeded', 'failed'] as const;
export type ArchiveRunStatus = (typeof ARCHIVE_RUN_STATUSES)[number];
