import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { TimeRangeQueryDto } from '../dto/monitoring-query.dto';
import { EndpointFigureDto, MonitoringOverviewDto } from '../dto/overview.dto';
import { mergeHistograms } from '../histogram/latency-histogram';
import { retentionDaysOf } from '../metric-periods';
import { SlowSamplesStore } from '../storage/slow-samples.store';
import { errorRateOf, latencyOf } from './latency-figures';
import { MergedRow, MetricRowsStore } from './metric-rows.store';
import { metricWindowOf } from './metric-window';

const perMinute = (count: number, from: Date, to: Date) =>
  Math.round((count / Math.max((to.getTime() - from.getTime()) / 60_000, 1 / 60)) * 100) / 100;

function figureOf(row: MergedRow): EndpointFigureDto {
  return {
    endpoint: row.key,
    requests: row.count,
    p95Ms: latencyOf(row).p95Ms,
    errors: row.count4xx + row.count5xx,
    errorRate: errorRateOf(row) ?? 0,
  };
}

function top(rows: MergedRow[], score: (row: MergedRow) => number): EndpointFigureDto | null {
  const best = rows.reduce<MergedRow | undefined>(
    (chosen, row) => (score(row) > 0 && (!chosen || score(row) > score(chosen)) ? row : chosen),
    undefined,
  );
  return best ? figureOf(best) : null;
}

/** The numbers a dashboard header shows for a range. */
@Injectable()
export class MonitoringOverviewService {
  constructor(
    private readonly reader: MetricRowsStore,
    private readonly slowSamples: SlowSamplesStore,
    private readonly config: AppConfig,
  ) {}

  async overview(query: TimeRangeQueryDto): Promise<MonitoringOverviewDto> {
    const window = metricWindowOf(query, this.config);
    const { from, to } = window;
    const [endpoints, queries, slow, instances] = await Promise.all([
      this.reader.merged({ ...window, metricType: 'http_request', groupBy: 'name' }),
      this.reader.merged({ ...window, metricType: 'db_query', groupBy: 'none' }),
      this.slowSamples.countsBetween(from, to),
      this.instances(from, to),
    ]);
    const requests = {
      ...mergeHistograms(endpoints),
      count4xx: endpoints.reduce((sum, row) => sum + row.count4xx, 0),
      count5xx: endpoints.reduce((sum, row) => sum + row.count5xx, 0),
    };
    const queryTotals = queries[0];
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      period: window.period,
      requests: {
        total: requests.count,
        perMinute: perMinute(requests.count, from, to),
        clientErrors: requests.count4xx,
        serverErrors: requests.count5xx,
        errorRate: errorRateOf(requests),
        serverErrorRate:
          requests.count > 0
            ? Math.round((requests.count5xx / requests.count) * 10_000) / 10_000
            : null,
        endpoints: endpoints.filter((row) => row.count > 0).length,
        ...latencyOf(requests),
      },
      queries: {
        total: queryTotals?.count ?? 0,
        perMinute: perMinute(queryTotals?.count ?? 0, from, to),
        ...latencyOf(queryTotals ?? mergeHistograms([])),
      },
      slowRequests: slow.requests,
      slowQueries: slow.queries,
      slowRequestMs: this.config.SLOW_REQUEST_MS,
      slowQueryMs: this.config.SLOW_QUERY_MS,
      instances,
      slowestEndpoint: top(endpoints, (row) => latencyOf(row).p95Ms ?? 0),
      mostFailingEndpoint: top(endpoints, (row) => row.count4xx + row.count5xx),
      busiestEndpoint: top(endpoints, (row) => row.count),
    };
  }

  /** Instances with minute rows in the range; null when minute rows of its start are gone. */
  private async instances(from: Date, to: Date): Promise<number | null> {
    const keptDays = retentionDaysOf(this.config, '1m') ?? 0;
    if (Date.now() - from.getTime() > keptDays * 86_400_000) return null;
    return this.reader.instancesBetween(from, to);
  }
}
