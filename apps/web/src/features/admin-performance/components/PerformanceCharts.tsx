import type { MetricSeries } from '../api/types';
import { formatMs, formatPercent, formatPerMinute } from '../format';
import { chartRows } from '../series';
import { TimeChart } from './TimeChart';

/** Response time percentiles, request rate and error rate of one series. */
export function PerformanceCharts({ series }: { series: MetricSeries }) {
  const rows = chartRows(series);
  return (
    <div className="perf-charts">
      <TimeChart
        title="Response time"
        rows={rows}
        unit="ms"
        axisLabel="Response time (ms)"
        format={formatMs}
        lines={[
          { key: 'p50Ms', name: 'p50', color: '#0f766e' },
          { key: 'p95Ms', name: 'p95', color: '#b45309', dashed: true },
          { key: 'p99Ms', name: 'p99', color: '#991b1b' },
        ]}
      />
      <TimeChart
        title="Request rate"
        rows={rows}
        unit="/min"
        axisLabel="Requests per minute"
        format={formatPerMinute}
        lines={[{ key: 'requestsPerMinute', name: 'Requests per minute', color: '#1e3a8a' }]}
      />
      <TimeChart
        title="Error rate"
        rows={rows}
        unit="%"
        axisLabel="Error rate (%)"
        format={formatPercent}
        lines={[
          { key: 'errorRatePercent', name: '4xx + 5xx', color: '#b45309' },
          { key: 'serverErrorRatePercent', name: '5xx only', color: '#991b1b', dashed: true },
        ]}
      />
    </div>
  );
}
