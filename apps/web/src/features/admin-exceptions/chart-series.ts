import type { components } from '@ledgerlens/contracts';

type HourlyOccurrences = components['schemas']['HourlyOccurrencesDto'];
type ExceptionPatterns = components['schemas']['ExceptionPatternsDto'];
type Trend = components['schemas']['TrendDto'];

/** One point of a time chart: `time` in epoch milliseconds, so the axis spaces points by time. */
export interface CountPoint {
  time: number;
  count: number;
}

/** The hourly counts of a group as chart points. */
export function hourlySeries(hourly: HourlyOccurrences): CountPoint[] {
  return hourly.buckets.map((bucket) => ({ time: Date.parse(bucket.start), count: bucket.count }));
}

/** A group's counts per bucket of the patterns' range as chart points (its sparkline). */
export function bucketSeries(bucketStarts: string[], counts: number[]): CountPoint[] {
  return bucketStarts.map((start, index) => ({
    time: Date.parse(start),
    count: counts[index] ?? 0,
  }));
}

const HOUR_MS = 3600_000;

/**
 * A listed group's sparkline (occurrences in each of the last 24 clock hours, oldest first, the
 * last being the hour `now` falls in) as chart points.
 */
export function lastDaySeries(counts: number[], now: Date): CountPoint[] {
  const currentHour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  return counts.map((count, index) => ({
    time: currentHour - (counts.length - 1 - index) * HOUR_MS,
    count,
  }));
}

/** Beyond this many types the stacked chart stops being readable: the rest add up as one. */
export const MAX_CHART_TYPES = 6;
export const OTHER_TYPES = 'Other types';

export interface TypeStack {
  /** The series names, bottom of the stack first: the most frequent types, then `OTHER_TYPES`. */
  keys: string[];
  /** One row per bucket: `{ time, TypeError: 3, RangeError: 1, … }`. */
  rows: Array<{ time: number } & Record<string, number>>;
}

/**
 * Occurrences per bucket stacked by type. The API lists types most frequent first; the first
 * `MAX_CHART_TYPES` keep their name and the rest become one "Other types" series.
 */
export function typeStackSeries(
  patterns: Pick<ExceptionPatterns, 'bucketStarts' | 'byType'>,
  maxTypes = MAX_CHART_TYPES,
): TypeStack {
  const named = patterns.byType.slice(0, maxTypes);
  const others = patterns.byType.slice(maxTypes);
  const keys = named.map((type) => type.type);
  if (others.length > 0) keys.push(OTHER_TYPES);
  const rows = patterns.bucketStarts.map((start, index) => {
    const row: { time: number } & Record<string, number> = { time: Date.parse(start) };
    for (const type of named) row[type.type] = type.buckets[index] ?? 0;
    if (others.length > 0) {
      row[OTHER_TYPES] = others.reduce((sum, type) => sum + (type.buckets[index] ?? 0), 0);
    }
    return row;
  });
  return { keys, rows };
}

/** Whether a chart has anything to draw. */
export const hasCounts = (points: Array<{ count: number }>): boolean =>
  points.some((point) => point.count > 0);

/** A trend in words: `+25.5% (40 → 50)`, `new (0 → 12)`, `no change (3 → 3)`. */
export function describeTrend({ count, previousCount, changePercent }: Trend): string {
  const counts = `(${previousCount.toLocaleString()} → ${count.toLocaleString()})`;
  if (changePercent === null) return count === 0 ? `none ${counts}` : `new ${counts}`;
  if (changePercent === 0) return `no change ${counts}`;
  const sign = changePercent > 0 ? '+' : '\u2212';
  return `${sign}${Math.abs(changePercent).toLocaleString()}% ${counts}`;
}

/** How a trend reads at a glance; the text carries it too, never the colour alone. */
export function trendDirection({ changePercent, count }: Trend): 'up' | 'down' | 'flat' {
  if (changePercent === null) return count > 0 ? 'up' : 'flat';
  return changePercent > 0 ? 'up' : changePercent < 0 ? 'down' : 'flat';
}

const DAY_MS = 24 * 3600 * 1000;

/** Tick labels for a time axis spanning `spanMs`: hours within two days, dates beyond. */
export function timeTickFormat(spanMs: number): Intl.DateTimeFormatOptions {
  return spanMs <= 2 * DAY_MS
    ? { hour: '2-digit', minute: '2-digit' }
    : { month: 'short', day: 'numeric' };
}
