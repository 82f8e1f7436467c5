/** Figures and times of the performance page, in the viewer's locale and time zone. */

const msFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const countFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const rateFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const percentFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** A duration: "1,234.5 ms"; a dash when there was nothing to measure. */
export const formatMs = (ms: number | null): string =>
  ms === null ? '—' : `${msFormat.format(ms)} ms`;

export const formatCount = (count: number): string => countFormat.format(count);

/** Requests per minute: "12.5 req/min". */
export const formatPerMinute = (rate: number | null): string =>
  rate === null ? '—' : `${rateFormat.format(rate)} req/min`;

/** A ratio (0.0123) as a percentage: "1.23 %". */
export const formatRatio = (ratio: number | null): string =>
  ratio === null ? '—' : `${percentFormat.format(ratio * 100)} %`;

/** A percentage already scaled (1.23) as "1.23 %". */
export const formatPercent = (percent: number | null): string =>
  percent === null ? '—' : `${percentFormat.format(percent)} %`;

/** A change of a ratio in percentage points, signed: "+1.5 pp", "−0.2 pp". */
export function formatPointChange(change: number | null): string {
  if (change === null) return '—';
  const points = change * 100;
  const sign = points > 0 ? '+' : points < 0 ? '\u2212' : '±';
  return `${sign}${percentFormat.format(Math.abs(points))} pp`;
}

const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dayAndTime = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const dayOnly = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

/**
 * A chart's time tick: the time of day within a day, the day and time over a week, the day alone
 * over a month (where a point is a day).
 */
export function tickFormatterFor(spanMs: number): (time: number) => string {
  const day = 24 * 60 * 60 * 1000;
  const format = spanMs <= day ? timeOfDay : spanMs <= 8 * day ? dayAndTime : dayOnly;
  return (time) => format.format(new Date(time));
}

/** A tooltip's heading: the start of the point, date and time. */
export const formatPointTime = (time: number): string => dayAndTime.format(new Date(time));
