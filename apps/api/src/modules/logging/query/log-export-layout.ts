import { LogEntryDto } from './dto/log-entry.dto';

/** CSV columns of a log export, in order. */
export const LOG_EXPORT_COLUMNS: (keyof LogEntryDto)[] = [
  'timestamp',
  'level',
  'source',
  'module',
  'message',
  'traceId',
  'userId',
  'requestMethod',
  'requestPath',
  'statusCode',
  'durationMs',
  'severityNumber',
  'id',
  'extra',
];

/**
 * `2026-11-21T10:15:30.123456Z INFO  [backend/http] request completed trace=… user=…
 * GET /api/v1/transactions 200 12ms`. The text export indents a message's further lines and
 * shows control characters as escapes (see `exportStream`).
 */
export function logTextLine(entry: LogEntryDto): string {
  const request = entry.requestMethod
    ? ` ${entry.requestMethod} ${entry.requestPath ?? ''} ${entry.statusCode ?? ''} ${entry.durationMs ?? ''}ms`
    : '';
  const parts = [
    entry.timestamp,
    entry.level.toUpperCase().padEnd(5),
    `[${entry.source}/${entry.module ?? '-'}]`,
    entry.message,
    ...(entry.traceId ? [`trace=${entry.traceId}`] : []),
    ...(entry.userId ? [`user=${entry.userId}`] : []),
  ];
  return `${parts.join(' ')}${request}`;
}
