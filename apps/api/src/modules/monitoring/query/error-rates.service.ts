import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { EndpointErrorRateDto, ErrorRatesDto, ErrorRateTrend } from '../dto/error-rates.dto';
import { TimeRangeQueryDto } from '../dto/monitoring-query.dto';
import { periodStartOf } from '../metric-periods';
import { errorRateOf, latencyOf } from './latency-figures';
import { MergedRow, MetricRowsStore } from './metric-rows.store';
import { metricWindowOf } from './metric-window';

/** A change of the error rate within this (half a percentage point) is steady. */
const STEADY_WITHIN = 0.005;

function trendOf(current: number, previous: number | null): ErrorRateTrend {
  if (previous === null) return 'new';
  if (current - previous > STEADY_WITHIN) return 'rising';
  if (previous - current > STEADY_WITHIN) return 'falling';
  return 'steady';
}

/** Per endpoint: requests, 4xx, 5xx and error rate in a window, against the window before it. */
@Injectable()
export class ErrorRatesService {
  constructor(
    private readonly reader: MetricRowsStore,
    private readonly config: AppConfig,
  ) {}

  async errorRates(query: TimeRangeQueryDto): Promise<ErrorRatesDto> {
    const asked = metricWindowOf(query, this.config);
    const spanMs = asked.to.getTime() - asked.from.getTime();
    // Both windows are read at the granularity that suits them together.
    const both = metricWindowOf(
      { from: new Date(asked.from.getTime() - spanMs).toISOString(), to: asked.to.toISOString() },
      this.config,
    );
    const from = periodStartOf(asked.from, both.period);
    const previousFrom = periodStartOf(
      new Date(from.getTime() - (asked.to.getTime() - from.getTime())),
      both.period,
    );
    const read = (start: Date, end: Date) =>
      this.reader.merged({
        metricType: 'http_request',
        period: both.period,
        from: start,
        to: end,
        groupBy: 'name',
      });
    const [current, previous] = await Promise.all([read(from, asked.to), read(previousFrom, from)]);
    const before = new Map(previous.map((row) => [row.key, row]));
    const items = current
      .filter((row) => row.count > 0)
      .map((row) => this.itemOf(row, before.get(row.key)))
      .sort(
        (a, b) =>
          b.clientErrors + b.serverErrors - (a.clientErrors + a.serverErrors) ||
          b.errorRate - a.errorRate ||
          a.endpoint.localeCompare(b.endpoint),
      );
    return {
      from: from.toISOString(),
      to: asked.to.toISOString(),
      previousFrom: previousFrom.toISOString(),
      period: both.period,
      items,
    };
  }

  private itemOf(row: MergedRow, previous: MergedRow | undefined): EndpointErrorRateDto {
    const errorRate = errorRateOf(row) ?? 0;
    const previousErrorRate = previous ? errorRateOf(previous) : null;
    return {
      endpoint: row.key,
      requests: row.count,
      clientErrors: row.count4xx,
      serverErrors: row.count5xx,
      errorRate,
      serverErrorRate: Math.round((row.count5xx / row.count) * 10_000) / 10_000,
      p95Ms: latencyOf(row).p95Ms,
      previousRequests: previous?.count ?? 0,
      previousErrorRate,
      errorRateChange:
        previousErrorRate === null
          ? null
          : Math.round((errorRate - previousErrorRate) * 10_000) / 10_000,
      trend: trendOf(errorRate, previousErrorRate),
    };
  }
}
