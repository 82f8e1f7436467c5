import type { MetricSeries } from './api/types';
import { PERIOD_MINUTES } from './range';

/**
 * One point of the charts. `null` is a gap, not a zero: a period without requests has no
 * latency and no error rate, and a line drawn through it would invent them.
 */
export interface ChartRow {
  /** Start of the period, epoch milliseconds (a numeric time axis). */
  time: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  /** Requests per minute over the period; 0 when there were none (that is a real rate). */
  requestsPerMinute: number;
  /** (4xx + 5xx) / requests, in percent. */
  errorRatePercent: number | null;
  /** 5xx / requests, in percent. */
  serverErrorRatePercent: number | null;
}

const percentOf = (part: number, whole: number) => (whole === 0 ? null : (part / whole) * 100);

/** The API's series as rows for the latency, request-rate and error-rate charts. */
export function chartRows(series: MetricSeries): ChartRow[] {
  const minutes = PERIOD_MINUTES[series.period];
  return series.points.map((point) => ({
    time: Date.parse(point.start),
    p50Ms: point.count === 0 ? null : point.p50Ms,
    p95Ms: point.count === 0 ? null : point.p95Ms,
    p99Ms: point.count === 0 ? null : point.p99Ms,
    requestsPerMinute: point.count / minutes,
    errorRatePercent: point.errorRate === null ? null : point.errorRate * 100,
    serverErrorRatePercent: percentOf(point.serverErrors, point.count),
  }));
}

/** Whether a series has anything to draw: an empty range says so instead of flat lines. */
export const hasRequests = (series: MetricSeries): boolean =>
  series.points.some((point) => point.count > 0);
