import { useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import {
  AutoRefreshToggle,
  EmptyState,
  ErrorState,
  LocalTime,
  PageHeader,
  Skeleton,
} from '../../ui';
import { bucketSeries, TimeCountChart, TrendText, useExceptionPatterns } from '../admin-exceptions';
import {
  chartRows,
  formatCount,
  formatMs,
  hasRequests,
  type Range,
  RANGE_LABELS,
  RangeSelector,
  TimeChart,
  useMetricSeries,
} from '../admin-performance';
import { refreshOverview, useLogStatistics } from './api/overview-queries';
import { LevelVolumeChart } from './components/LevelVolumeChart';
import { TopErrorsTable } from './components/TopErrorsTable';
import {
  bucketLabel,
  errorCount,
  hasExceptions,
  hasLines,
  topErrorRows,
  volumeRows,
} from './overview-series';
import { useAutoRefresh } from '../../lib/use-auto-refresh';
import { type OverviewView, searchOf, viewOf } from './url-state';
import '../admin-performance/performance.css';
import '../admin-exceptions/admin-exceptions.css';
import './logs-overview.css';

/** How often auto-refresh re-reads every section. */
export const OVERVIEW_REFRESH_MS = 30_000;

/** Marks a section whose figures belong to the previous range while the new ones load. */
const busy = (stale: boolean) => ({ 'aria-busy': stale, className: stale ? 'perf-stale' : '' });

function Volume({ range }: { range: Range }) {
  const statistics = useLogStatistics(range);
  const phrase = RANGE_LABELS[range].phrase;
  if (statistics.isPending) return <Skeleton label="Loading the log volume" rows={6} />;
  if (statistics.isError) {
    return (
      <ErrorState
        title="The log volume could not be loaded"
        error={statistics.error}
        onRetry={() => void statistics.refetch()}
      />
    );
  }
  const data = statistics.data;
  if (!hasLines(data)) {
    return (
      <EmptyState title={`No log lines in ${phrase}`}>
        <p>Choose a longer range to see earlier lines.</p>
      </EmptyState>
    );
  }
  const bucket = bucketLabel(data.bucketSeconds);
  return (
    <div {...busy(statistics.isPlaceholderData)}>
      <p className="logs-overview-totals">
        {formatCount(data.total)} lines in {phrase}: {formatCount(errorCount(data))} errors or
        worse; {formatCount(data.bySource?.backend ?? 0)} from the API,{' '}
        {formatCount(data.bySource?.frontend ?? 0)} from browsers.
      </p>
      <LevelVolumeChart
        rows={volumeRows(data)}
        bucket={bucket}
        caption={`Log lines per ${bucket} by level`}
      />
    </div>
  );
}

function TopErrors({ range }: { range: Range }) {
  const statistics = useLogStatistics(range);
  const phrase = RANGE_LABELS[range].phrase;
  if (statistics.isPending) return <Skeleton label="Loading the top errors" rows={4} />;
  if (statistics.isError) {
    return (
      <ErrorState
        title="The top errors could not be loaded"
        error={statistics.error}
        onRetry={() => void statistics.refetch()}
      />
    );
  }
  const { topErrors, to } = statistics.data;
  if (topErrors.length === 0) return <EmptyState title={`No errors logged in ${phrase}`} />;
  return (
    <div {...busy(statistics.isPlaceholderData)}>
      <p className="text-muted">
        Messages alike but for their numbers, IDs and other values count as one.
      </p>
      <TopErrorsTable
        rows={topErrorRows(topErrors, range, Date.parse(to))}
        caption={`The most frequent error messages in ${phrase}, most lines first`}
      />
    </div>
  );
}

function ResponseTimes({ range }: { range: Range }) {
  const series = useMetricSeries(range, null);
  const phrase = RANGE_LABELS[range].phrase;
  if (series.isPending) return <Skeleton label="Loading the response times" rows={6} />;
  if (series.isError) {
    return (
      <ErrorState
        title="The response times could not be loaded"
        error={series.error}
        onRetry={() => void series.refetch()}
      />
    );
  }
  if (!hasRequests(series.data)) {
    return <EmptyState title={`No API requests in ${phrase}`} />;
  }
  return (
    <div {...busy(series.isPlaceholderData)}>
      <TimeChart
        title="API response time, p50 and p95"
        rows={chartRows(series.data)}
        unit="ms"
        axisLabel="Response time (ms)"
        format={formatMs}
        lines={[
          { key: 'p50Ms', name: 'p50 (median)', color: '#0f766e' },
          { key: 'p95Ms', name: 'p95', color: '#b45309', dashed: true },
        ]}
      />
      <p>
        <Link to={`/admin/performance?range=${range}`}>More in Performance</Link>
      </p>
    </div>
  );
}

function Exceptions({ range }: { range: Range }) {
  const patterns = useExceptionPatterns(range);
  const phrase = RANGE_LABELS[range].phrase;
  if (patterns.isPending) return <Skeleton label="Loading the exception trend" rows={6} />;
  if (patterns.isError) {
    return (
      <ErrorState
        title="The exception trend could not be loaded"
        error={patterns.error}
        onRetry={() => void patterns.refetch()}
      />
    );
  }
  const data = patterns.data;
  if (!hasExceptions(data)) {
    return (
      <EmptyState title={`No exceptions in ${phrase}`}>
        {data.trend.previousCount > 0 && (
          <p>
            {formatCount(data.trend.previousCount)} in the {RANGE_LABELS[range].short} before.
          </p>
        )}
      </EmptyState>
    );
  }
  const bucket = bucketLabel(data.bucketSeconds);
  return (
    <div {...busy(patterns.isPlaceholderData)}>
      <p>
        {formatCount(data.trend.count)} exceptions, {formatCount(data.newGroups)} new groups.
        Against the {RANGE_LABELS[range].short} before: <TrendText trend={data.trend} />
      </p>
      <TimeCountChart
        points={bucketSeries(data.bucketStarts, data.buckets)}
        spanMs={Date.parse(data.to) - Date.parse(data.from)}
        seriesName="Exceptions"
        caption={`Exceptions per ${bucket} in ${phrase}`}
      />
      <p>
        <Link to={`/admin/exceptions?range=${range}`}>Open the exception tracker</Link>
      </p>
    </div>
  );
}

/** When the figures on screen were read: the statistics' time, as every section refreshes with it. */
function UpdatedAt({ range }: { range: Range }) {
  const statistics = useLogStatistics(range);
  if (statistics.dataUpdatedAt === 0) return null;
  return (
    <p className="text-muted logs-overview-updated" aria-live="polite">
      Updated <LocalTime iso={new Date(statistics.dataUpdatedAt).toISOString()} />
    </p>
  );
}

/**
 * The log dashboard: log volume by level, the most frequent errors, the API's response times
 * and the exception trend over one range (`?range=24h`), re-read every 30 s unless
 * `refresh=off`.
 */
export function LogsOverviewPage() {
  const [params, setParams] = useSearchParams();
  const view = viewOf(params);
  const queryClient = useQueryClient();
  const go = (changes: Partial<OverviewView>) => setParams(searchOf({ ...view, ...changes }));
  const refresh = () => void refreshOverview(queryClient, view.range);
  useAutoRefresh(view.autoRefresh, OVERVIEW_REFRESH_MS, refresh);

  return (
    <section className="perf-page logs-overview">
      <PageHeader title="Log dashboard">
        <div className="page-header__actions perf-controls">
          <RangeSelector value={view.range} onChange={(range) => go({ range })} />
          <AutoRefreshToggle
            checked={view.autoRefresh}
            intervalMs={OVERVIEW_REFRESH_MS}
            onChange={(autoRefresh) => go({ autoRefresh })}
          />
          <button type="button" className="button button--ghost" onClick={refresh}>
            Refresh
          </button>
        </div>
      </PageHeader>
      <UpdatedAt range={view.range} />

      <section aria-labelledby="logs-overview-volume">
        <h2 id="logs-overview-volume">Log volume</h2>
        <Volume range={view.range} />
      </section>

      <section aria-labelledby="logs-overview-errors">
        <h2 id="logs-overview-errors">Top error messages</h2>
        <TopErrors range={view.range} />
      </section>

      <div className="logs-overview-trends">
        <section aria-labelledby="logs-overview-latency">
          <h2 id="logs-overview-latency">API response time</h2>
          <ResponseTimes range={view.range} />
        </section>

        <section aria-labelledby="logs-overview-exceptions">
          <h2 id="logs-overview-exceptions">Exceptions</h2>
          <Exceptions range={view.range} />
        </section>
      </div>
    </section>
  );
}
