import type { AlertMetric, components } from '@ledgerlens/contracts';
import { METRIC_KINDS } from './metric-kinds';
import { formatValue } from './rule-text';

/**
 * One point of a rule's value chart. `null` is a gap (nothing measured then), never a zero: a
 * line drawn through it would invent a value.
 */
export interface ValueRow {
  /** Epoch milliseconds: a numeric time axis keeps gaps where they happened. */
  time: number;
  /** In the chart's unit: a share as a percentage. */
  value: number | null;
}

/** A value in the chart's unit: shares are drawn as percentages, like the form takes them. */
export const chartValue = (metric: AlertMetric, value: number): number =>
  METRIC_KINDS[metric].unit === 'share' ? value * 100 : value;

/** A chart value back in the metric's own unit, to format it as everywhere else. */
const metricValue = (metric: AlertMetric, value: number): number =>
  METRIC_KINDS[metric].unit === 'share' ? value / 100 : value;

type SeriesPoint = components['schemas']['AlertSeriesPointDto'];

/** The API's measured points as chart rows, oldest first. */
export function valueRows(metric: AlertMetric, points: readonly SeriesPoint[]): ValueRow[] {
  return points
    .map(({ at, value }) => ({
      time: Date.parse(at),
      value: value === null ? null : chartValue(metric, value),
    }))
    .sort((a, b) => a.time - b.time);
}

/** Whether there is anything to draw: an empty range says so instead of an empty chart. */
export const hasValues = (rows: readonly ValueRow[]): boolean =>
  rows.some((row) => row.value !== null);

/** A chart value as the tooltip shows it, with its unit. */
export const formatChartValue = (metric: AlertMetric, value: number | null): string =>
  formatValue(metric, value === null ? null : metricValue(metric, value));

/** The range of a series in words: "Highest 630 ms, lowest 120 ms, latest 420 ms"; null if empty. */
export function rangeText(metric: AlertMetric, rows: readonly ValueRow[]): string | null {
  const values = rows.map((row) => row.value).filter((value) => value !== null);
  if (values.length === 0) return null;
  const latest = [...rows].reverse().find((row) => row.value !== null)?.value ?? null;
  const format = (value: number | null) => formatChartValue(metric, value);
  return `Highest ${format(Math.max(...values))}, lowest ${format(Math.min(...values))}, latest ${format(latest)}`;
}

/**
 * The chart in words, for readers who cannot see it: "Highest 630 ms, lowest 120 ms, latest
 * 420 ms; fires when > 500 ms."
 */
export function valueSummary(
  metric: AlertMetric,
  rows: readonly ValueRow[],
  condition: string,
): string {
  return `${rangeText(metric, rows) ?? 'Nothing measured'}; fires when ${condition}.`;
}
