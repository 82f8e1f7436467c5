import { LOG_SEVERITY_NUMBERS } from '@ledgerlens/contracts';
import type { AnyValue, LogAttributes, LogRecord } from '@opentelemetry/api-logs';
import type { AppLogRecord } from '../logging';

const W3C_TRACE_ID = /^(?!0+$)[0-9a-f]{32}$/;

/** Whether an ID can be an OTel trace ID (the app's X-Trace-Id may be any caller's string). */
export function isW3cTraceId(id: string | null | undefined): id is string {
  return typeof id === 'string' && W3C_TRACE_ID.test(id);
}

/** Scalars, arrays and plain objects as OTel's AnyValue; anything else as text. */
function anyValueOf(value: unknown, depth = 0): AnyValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (depth >= 8) return JSON.stringify(value) ?? null;
  if (Array.isArray(value)) return value.map((item) => anyValueOf(item, depth + 1));
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, anyValueOf(item, depth + 1)]),
    );
  }
  return String(value);
}

/**
 * The OTel log record of a stored line (already redacted: the sink hands over what it stores).
 * Severity numbers are the data model's (`LOG_SEVERITY_NUMBERS`), the text the level's name in
 * capitals; the line's own columns become attributes under semantic-convention names where one
 * exists, its extra data keeps its keys. The trace and span IDs come from the context the caller
 * passes (`context`); a trace ID that is not the W3C one is kept as `ledgerlens.trace_id`.
 */
export function logRecordOf(record: AppLogRecord, traceId?: string): Omit<LogRecord, 'context'> {
  const attributes: LogAttributes = {};
  for (const [key, value] of Object.entries(record.extraData)) {
    attributes[key] = anyValueOf(value);
  }
  const set = (key: string, value: string | number | null) => {
    if (value !== null) attributes[key] = value;
  };
  set('ledgerlens.source', record.source);
  set('ledgerlens.module', record.module);
  set('http.request.method', record.requestMethod);
  set('url.path', record.requestPath);
  set('http.response.status_code', record.statusCode);
  set('ledgerlens.duration_ms', record.durationMs);
  set('user.id', record.userId);
  if (record.traceId !== null && record.traceId !== traceId) {
    set('ledgerlens.trace_id', record.traceId);
  }
  return {
    timestamp: new Date(record.loggedAt),
    severityNumber: LOG_SEVERITY_NUMBERS[record.level],
    severityText: record.level.toUpperCase(),
    body: record.message,
    attributes,
  };
}
