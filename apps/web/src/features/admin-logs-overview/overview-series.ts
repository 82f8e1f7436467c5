import type { LogLevel } from '@ledgerlens/contracts';
import { EMPTY_FILTERS, withFilters } from '../admin-logs';
import type { Range } from '../admin-performance';
import type { LogStatistics, TopError } from './api/types';

/**
 * The stack of the volume chart, bottom first: the most severe levels sit on the axis, where a
 * few errors under thousands of info lines still show.
 */
export const STACK_ORDER: readonly LogLevel[] = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
];

/** Fixed colours, the same on every range; the legend and tooltip name each level in words. */
export const LEVEL_COLORS: Record<LogLevel, string> = {
  fatal: '#7f1d1d',
  error: '#dc2626',
  warn: '#d97706',
  info: '#2563eb',
  debug: '#64748b',
  trace: '#cbd5e1',
};

export const LEVEL_NAMES: Record<LogLevel, string> = {
  fatal: 'Fatal',
  error: 'Error',
  warn: 'Warning',
  info: 'Info',
  debug: 'Debug',
  trace: 'Trace',
};

/** One bucket of the volume chart: its start (epoch ms) and its lines by level. */
export type VolumeRow = { time: number } & Record<LogLevel, number>;

/** The API's volume buckets as chart rows, oldest first; empty buckets stay as zeros. */
export function volumeRows(statistics: Pick<LogStatistics, 'volume'>): VolumeRow[] {
  return statistics.volume.map((bucket) => ({ time: Date.parse(bucket.start), ...bucket.counts }));
}

/** Whether the range has any line to draw (an empty range says so instead of a flat chart). */
export const hasLines = (statistics: Pick<LogStatistics, 'total'>): boolean => statistics.total > 0;

/** A bucket width in words for the axis and captions: "1 min", "15 min", "3 h", "1 d", "7 d". */
export function bucketLabel(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400} d`;
  if (seconds % 3_600 === 0) return `${seconds / 3_600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/** The placeholders a message template puts where a message had its values (`<num>`, `'<str>'`). */
const PLACEHOLDER = /'<str>'|<(?:url|email|uuid|date|time|ip|hex|id|duration|num)>|…$/g;

/** The LogViewer's text filter takes at most this many characters. */
export const MAX_SEARCH_LENGTH = 200;

/**
 * Text that finds a top error's lines with the LogViewer's "message contains" filter: the
 * longest literal part of its template (`Payment <num> failed for user <uuid>` → "failed for
 * user"), which every message of the group contains. A template that is only placeholders falls
 * back to the example message itself.
 */
export function errorSearchText(error: Pick<TopError, 'pattern' | 'example'>): string {
  const longest = error.pattern
    .split(PLACEHOLDER)
    .map((part) => part.trim())
    .reduce((best, part) => (part.length > best.length ? part : best), '');
  const text = longest.length >= 3 ? longest : error.example.trim();
  return text.slice(0, MAX_SEARCH_LENGTH).trim();
}

/**
 * The LogViewer's URL for error lines containing `q` over the dashboard's range. The viewer has
 * no 30-day preset, so that range becomes a custom one starting 30 days before `now` (the end of
 * the window the counts were read for).
 */
export function errorLinesHref(q: string, range: Range, now: number): string {
  const preset = range === '30d' ? null : range;
  const params = withFilters(new URLSearchParams(), {
    ...EMPTY_FILTERS,
    minLevel: 'error',
    q,
    range: preset ?? 'custom',
    from: preset ? '' : new Date(now - 30 * 24 * 60 * 60 * 1000).toISOString(),
  });
  return `/admin/logs?${params.toString()}`;
}

export interface TopErrorRow {
  pattern: string;
  example: string;
  count: number;
  lastSeen: string;
  /** The LogViewer filtered to this error's lines. */
  linesHref: string;
}

/** The top errors as table rows, most frequent first as the API sends them. */
export function topErrorRows(errors: TopError[], range: Range, now: number): TopErrorRow[] {
  return errors.map((error) => ({
    pattern: error.pattern,
    example: error.example,
    count: error.count,
    lastSeen: error.lastSeen,
    linesHref: errorLinesHref(errorSearchText(error), range, now),
  }));
}

/** Lines at error level or worse in the range. */
export const errorCount = (statistics: Pick<LogStatistics, 'byLevel'>): number =>
  statistics.byLevel.error + statistics.byLevel.fatal;

/** Whether the exception patterns have an occurrence to draw in their range. */
export const hasExceptions = (patterns: { buckets: number[] }): boolean =>
  patterns.buckets.some((count) => count > 0);
