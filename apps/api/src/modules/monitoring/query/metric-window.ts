import type { MetricPeriod } from '@ledgerlens/contracts';
import { InvalidRequestError } from '../../../common/errors/domain-errors';
import { resolveTimeRange } from '../../../common/http/time-range';
import { AppConfig } from '../../../config/app-config';
import { autoPeriod, MAX_POINTS, periodStartOf, pointsOf } from '../metric-periods';

export const DEFAULT_SPAN_MS = 3_600_000;
/** Longest range of a metrics request: beyond a year, only day rows remain anyway. */
export const MAX_RANGE_DAYS = 800;

/** A range of metric rows: rows whose period starts in [from, to), `from` at a period start. */
export interface MetricWindow {
  from: Date;
  to: Date;
  period: MetricPeriod;
}

/**
 * The window a query asks for: `from`/`to` as given (default: the last hour), `period` as given
 * or the finest one that suits the range, `from` rounded down to its period. A period too fine
 * for the range (more than MAX_POINTS points) is a 400 naming `period`.
 */
export function metricWindowOf(
  query: { from?: string; to?: string; period?: MetricPeriod },
  config: AppConfig,
  now = new Date(),
): MetricWindow {
  const range = resolveTimeRange(
    query,
    { defaultSpanMs: DEFAULT_SPAN_MS, maxDays: MAX_RANGE_DAYS },
    now,
  );
  const period = query.period ?? autoPeriod(range.from, range.to, config, now);
  const points = pointsOf(range.from, range.to, period);
  if (points > MAX_POINTS) {
    throw new InvalidRequestError(`A ${period} period gives ${points} points for this range`, {
      period: [
        `period must give at most ${MAX_POINTS} points: choose a coarser one or a shorter range`,
      ],
    });
  }
  return { from: periodStartOf(range.from, period), to: range.to, period };
}
