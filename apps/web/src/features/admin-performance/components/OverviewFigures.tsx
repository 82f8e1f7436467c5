import type { MonitoringOverview } from '../api/types';
import { formatCount, formatMs, formatPerMinute, formatRatio } from '../format';

/** The range's headline numbers, each with its unit. */
export function OverviewFigures({ overview }: { overview: MonitoringOverview }) {
  const { requests, queries } = overview;
  const figures: [string, string][] = [
    ['Requests', formatCount(requests.total)],
    ['Request rate', formatPerMinute(requests.perMinute)],
    ['Error rate', formatRatio(requests.errorRate)],
    ['p95 response time', formatMs(requests.p95Ms)],
    [`Slow requests (≥ ${formatMs(overview.slowRequestMs)})`, formatCount(overview.slowRequests)],
    [`Slow queries (≥ ${formatMs(overview.slowQueryMs)})`, formatCount(overview.slowQueries)],
    ['p95 query time', formatMs(queries.p95Ms)],
  ];
  return (
    <dl className="perf-figures">
      {figures.map(([label, value]) => (
        <div key={label} className="perf-figures__item">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
