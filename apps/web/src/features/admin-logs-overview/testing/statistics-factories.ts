import type { LevelCounts, LogStatistics, TopError } from '../api/types';

export const counts = (overrides: Partial<LevelCounts> = {}): LevelCounts => ({
  trace: 0,
  debug: 0,
  info: 0,
  warn: 0,
  error: 0,
  fatal: 0,
  ...overrides,
});

export function aTopError(overrides: Partial<TopError> = {}): TopError {
  return {
    pattern: 'Payment <num> failed for user <uuid>',
    count: 12,
    example: 'Payment 42 failed for user 3f2b1c9e-0000-4000-8000-000000000001',
    lastSeen: '2026-11-21T10:45:00.000Z',
    ...overrides,
  };
}

/** Statistics over one hour in two buckets; totals add up from the buckets. */
export function someStatistics(overrides: Partial<LogStatistics> = {}): LogStatistics {
  const volume = [
    { start: '2026-11-21T10:00:00.000Z', counts: counts({ info: 40, warn: 2, error: 3 }) },
    { start: '2026-11-21T10:05:00.000Z', counts: counts({ info: 50, debug: 5, fatal: 1 }) },
  ];
  return {
    from: '2026-11-21T10:00:00.000Z',
    to: '2026-11-21T11:00:00.000Z',
    total: 101,
    byLevel: counts({ info: 90, debug: 5, warn: 2, error: 3, fatal: 1 }),
    bySource: { backend: 95, frontend: 6 },
    bucketSeconds: 300,
    volume,
    topErrors: [aTopError()],
    ...overrides,
  };
}

/** A range without a single line: every bucket at zero. */
export const emptyStatistics = (): LogStatistics =>
  someStatistics({
    total: 0,
    byLevel: counts(),
    bySource: { backend: 0, frontend: 0 },
    volume: [{ start: '2026-11-21T10:00:00.000Z', counts: counts() }],
    topErrors: [],
  });
