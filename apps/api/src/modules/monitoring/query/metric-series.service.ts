import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { MetricSeriesDto } from '../dto/metric-series.dto';
import { MetricSeriesQueryDto } from '../dto/monitoring-query.dto';
import { emptyHistogram } from '../histogram/latency-histogram';
import { PERIOD_SECONDS } from '../metric-periods';
import { errorRateOf, latencyOf } from './latency-figures';
import { MetricRowsStore } from './metric-rows.store';
import { metricWindowOf } from './metric-window';

const isoSeconds = (time: number) => new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Series for charts: per period, count, errors and latency of every instance merged. */
@Injectable()
export class MetricSeriesService {
  constructor(
    private readonly reader: MetricRowsStore,
    private readonly config: AppConfig,
  ) {}

  async series(query: MetricSeriesQueryDto): Promise<MetricSeriesDto> {
    const window = metricWindowOf(query, this.config);
    const rows = await this.reader.merged({
      ...window,
      metricType: query.metricType,
      name: query.name,
      groupBy: 'period',
    });
    const byStart = new Map(rows.map((row) => [row.key, row]));
    const widthMs = PERIOD_SECONDS[window.period] * 1000;
    const points = [];
    for (let start = window.from.getTime(); start < window.to.getTime(); start += widthMs) {
      const key = isoSeconds(start);
      const row = byStart.get(key) ?? { ...emptyHistogram(), key, count4xx: 0, count5xx: 0 };
      points.push({
        start: key,
        count: row.count,
        clientErrors: row.count4xx,
        serverErrors: row.count5xx,
        errorRate: errorRateOf(row),
        ...latencyOf(row),
      });
    }
    return {
      metricType: query.metricType,
      name: query.name ?? null,
      period: window.period,
      from: window.from.toISOString(),
      to: window.to.toISOString(),
      points,
    };
  }
}
