/** The thresholds at or over which a request or query is stored one by one. */
export interface SlowThresholds {
  /** SLOW_REQUEST_MS */
  requestMs: number;
  /** SLOW_QUERY_MS */
  queryMs: number;
}

export type TimedKind = 'request' | 'query';

/** True when a request or query took at least its threshold. */
export function isSlow(kind: TimedKind, durationMs: number, thresholds: SlowThresholds): boolean {
  return durationMs >= (kind === 'request' ? thresholds.requestMs : thresholds.queryMs);
}
