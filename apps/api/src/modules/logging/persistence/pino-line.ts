import { LogLevel } from '@ledgerlens/contracts';
import { APP_LOG_LIMITS, AppLogRecord, cut, integerOrNull, uuidOrNull } from './app-log-record';

/** pino's level numbers. */
const LEVEL_NAMES: Record<number, LogLevel> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

export interface PinoLine {
  level?: number;
  time?: number;
  msg?: unknown;
  context?: unknown;
  traceId?: unknown;
  userId?: unknown;
  req?: { method?: unknown; path?: unknown };
  res?: { status?: unknown };
  responseTime?: unknown;
  [key: string]: unknown;
}

/** The request line of pino-http has no Nest context: it is stored under this module. */
const HTTP_MODULE = 'http';

/** The object of a JSON line pino wrote; undefined for anything else. */
export function objectOfLine(line: string): PinoLine | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as PinoLine)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A backend log record from one line that pino wrote (already redacted), as an object. Fields with a
 * column of their own move there; everything else stays in `extraData`.
 */
export function recordOfPinoLine(parsed: PinoLine): AppLogRecord {
  const { level, time, msg, context, traceId, userId, req, res, responseTime, ...extraData } =
    parsed;
  const levelName = LEVEL_NAMES[level ?? 30] ?? 'info';
  return {
    loggedAt: new Date(time ?? Date.now()).toISOString(),
    level: levelName,
    source: 'backend',
    module: cut(context, APP_LOG_LIMITS.module) ?? (req ? HTTP_MODULE : null),
    message: typeof msg === 'string' ? msg : msg === undefined ? '' : JSON.stringify(msg),
    traceId: cut(traceId, APP_LOG_LIMITS.traceId),
    userId: uuidOrNull(userId),
    requestMethod: cut(req?.method, APP_LOG_LIMITS.requestMethod),
    requestPath: cut(req?.path, APP_LOG_LIMITS.requestPath),
    statusCode: integerOrNull(res?.status, 999),
    durationMs: integerOrNull(responseTime),
    extraData,
    clientId: null,
  };
}
