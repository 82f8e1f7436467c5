import type { MetricPeriod } from '@ledgerlens/contracts';
import { METRIC_PERIODS } from '@ledgerlens/contracts';
import { AppConfig } from '../../config/app-config';

export const PERIOD_SECONDS: Readonly<Record<MetricPeriod, number>> = {
  '1m': 60,
  '5m': 300,
  '1h': 3600,
  '1d': 86_400,
};

/** Rolled-up periods and the finer period each is computed from. */
export const ROLLUP_SOURCES: Readonly<Record<Exclude<MetricPeriod, '1m'>, MetricPeriod>> = {
  '5m': '1m',
  '1h': '5m',
  '1d': '1h',
};

export type RolledUpPeriod = keyof typeof ROLLUP_SOURCES;

/** Periods start on multiples of their width from this origin: UTC midnight, so days are UTC days. */
export const PERIOD_ORIGIN = '2000-01-01T00:00:00Z';

/** Days rows of each period are kept; undefined: forever. */
export function retentionDaysOf(config: AppConfig, period: MetricPeriod): number | undefined {
  return {
    '1m': config.METRICS_RETENTION_MINUTE_DAYS,
    '5m': config.METRICS_RETENTION_FIVE_MIN_DAYS,
    '1h': config.METRICS_RETENTION_HOUR_DAYS,
    '1d': undefined,
  }[period];
}

/** Points an automatically chosen period gives a range at most (a chart's worth). */
export const AUTO_MAX_POINTS = 400;
/** Points an explicitly chosen period may give a range at most. */
export const MAX_POINTS = 2000;

/** The start of the period holding `time`. */
export function periodStartOf(time: Date, period: MetricPeriod): Date {
  const widthMs = PERIOD_SECONDS[period] * 1000;
  const origin = Date.parse(PERIOD_ORIGIN);
  return new Date(time.getTime() - ((((time.getTime() - origin) % widthMs) + widthMs) % widthMs));
}

/** Periods of `period` overlapping [from, to). */
export function pointsOf(from: Date, to: Date, period: MetricPeriod): number {
  const widthMs = PERIOD_SECONDS[period] * 1000;
  return Math.ceil((to.getTime() - periodStartOf(from, period).getTime()) / widthMs);
}

/**
 * The finest period that gives a range at most AUTO_MAX_POINTS points and whose rows are still
 * kept at its start; days when none does.
 */
export function autoPeriod(
  from: Date,
  to: Date,
  config: AppConfig,
  now = new Date(),
): MetricPeriod {
  const age = (now.getTime() - from.getTime()) / 86_400_000;
  return (
    METRIC_PERIODS.find((period) => {
      const kept = retentionDaysOf(config, period);
      return pointsOf(from, to, period) <= AUTO_MAX_POINTS && (kept === undefined || age <= kept);
    }) ?? '1d'
  );
}
