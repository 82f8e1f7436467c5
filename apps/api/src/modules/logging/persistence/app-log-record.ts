import { LogLinePayload } from '@ledgerlens/contracts';

/**
 * One row of `app_logs` as the writer takes it: the line readers are shown (`LogLinePayload`)
 * under the table's names for its time and extra data, plus the browser's client ID.
 */
export interface AppLogRecord extends Omit<LogLinePayload, 'timestamp' | 'extra'> {
  loggedAt: string;
  extraData: Record<string, unknown>;
  /** Set by browsers: a retried entry with the same client ID and time is stored once. */
  clientId: string | null;
}

/** Column widths of `app_logs`: longer values are cut rather than failing a whole batch. */
export const APP_LOG_LIMITS = { module: 128, traceId: 128, requestMethod: 10, requestPath: 2048 };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function cut(value: unknown, length: number): string | null {
  return typeof value === 'string' && value !== '' ? value.slice(0, length) : null;
}

export function uuidOrNull(value: unknown): string | null {
  return typeof value === 'string' && UUID.test(value) ? value : null;
}

/** A whole number that fits `integer` columns, else null. */
export function integerOrNull(value: unknown, max = 2_147_483_647): number | null {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= max
    ? Math.round(value)
    : null;
}
