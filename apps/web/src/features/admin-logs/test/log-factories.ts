import type { LogContext, LogEntry, LogPage } from '../api/types';

let nextId = 1000;

/** A stored log line as the API lists it. */
export function aLogLine(overrides: Partial<LogEntry> = {}): LogEntry {
  nextId += 1;
  return {
    id: String(nextId),
    timestamp: '2026-11-21T10:15:30.123456Z',
    level: 'info',
    severityNumber: 9,
    source: 'backend',
    module: 'http',
    message: `request completed ${nextId}`,
    traceId: null,
    userId: null,
    requestMethod: null,
    requestPath: null,
    statusCode: null,
    durationMs: null,
    extra: {},
    ...overrides,
  };
}

export const aLogPage = (items: LogEntry[], nextCursor: string | null = null): LogPage => ({
  items,
  nextCursor,
});

export const someLines = (count: number, overrides: Partial<LogEntry> = {}) =>
  Array.from({ length: count }, () => aLogLine(overrides));

export const aLogContext = (
  entry: LogEntry,
  parts: Partial<Omit<LogContext, 'entry'>> = {},
): LogContext => ({ entry, before: [], after: [], trace: [], ...parts });
