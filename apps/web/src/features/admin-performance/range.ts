import type { MetricPeriod } from '@ledgerlens/contracts';

/** The windows the page offers, each ending now. */
export const RANGES = ['1h', '24h', '7d', '30d'] as const;
export type Range = (typeof RANGES)[number];

export const DEFAULT_RANGE: Range = '1h';

const HOUR_MS = 60 * 60 * 1000;

const RANGE_MS: Record<Range, number> = {
  '1h': HOUR_MS,
  '24h': 24 * HOUR_MS,
  '7d': 7 * 24 * HOUR_MS,
  '30d': 30 * 24 * HOUR_MS,
};

/** Button text and the phrase used in sentences ("No requests in the last 24 hours"). */
export const RANGE_LABELS: Record<Range, { short: string; phrase: string }> = {
  '1h': { short: '1 h', phrase: 'the last hour' },
  '24h': { short: '24 h', phrase: 'the last 24 hours' },
  '7d': { short: '7 d', phrase: 'the last 7 days' },
  '30d': { short: '30 d', phrase: 'the last 30 days' },
};

/** The range in a URL parameter; anything unknown (a stale or edited link) means the default. */
export function parseRange(value: string | null): Range {
  return (RANGES as readonly string[]).includes(value ?? '') ? (value as Range) : DEFAULT_RANGE;
}

/** The `from`/`to` the API takes for a range ending at `now`. */
export function windowOf(range: Range, now: number): { from: string; to: string } {
  return { from: new Date(now - RANGE_MS[range]).toISOString(), to: new Date(now).toISOString() };
}

/** Minutes in one point of a series: turns a count per point into a rate per minute. */
export const PERIOD_MINUTES: Record<MetricPeriod, number> = {
  '1m': 1,
  '5m': 5,
  '1h': 60,
  '1d': 24 * 60,
};
