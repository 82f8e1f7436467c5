import { AppLogRecord } from '../../src/modules/logging/persistence/app-log-record';

/** A backend info line with nothing optional set, changed by `overrides`. */
export function logRecord(overrides: Partial<AppLogRecord>): AppLogRecord {
  return {
    loggedAt: new Date().toISOString(),
    level: 'info',
    source: 'backend',
    module: null,
    message: 'line',
    traceId: null,
    userId: null,
    requestMethod: null,
    requestPath: null,
    statusCode: null,
    durationMs: null,
    extraData: {},
    clientId: null,
    ...overrides,
  };
}
