import { type UseQueryResult, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState, ErrorState, PageHeader, SelectField, Skeleton } from '../../ui';
import {
  performanceKeys,
  type SlowSort,
  useErrorRates,
  useMetricSeries,
  useOverview,
  useSlowQueries,
  useSlowRequests,
} from './api/performance-queries';
import { ErrorRatesTable } from './components/ErrorRatesTable';
import { OverviewFigures } from './components/OverviewFigures';
import { PerformanceCharts } from './components/PerformanceCharts';
import { RangeSelector } from './components/RangeSelector';
import { SlowQueriesTable } from './components/SlowQueriesTable';
import { SlowRequestsTable } from './components/SlowRequestsTable';
import { RANGE_LABELS, type Range } from './range';
import { hasRequests } from './series';
import { formatCount } from './format';
import { errorRateRows, slowQueryRows, slowRequestRows, TREND_TEXT } from './tables';
import { type PerformanceView, searchOf, viewOf } from './url-state';
import './performance.css';

/** Marks a section whose figures belong to the previous choice while the new ones load. */
const busy = (stale: boolean) => ({ 'aria-busy': stale, className: stale ? 'perf-stale' : '' });

function Overview({ range }: { range: Range }) {
  const overview = useOverview(range);
  if (overview.isPending) return <Skeleton label="Loading the summary" rows={1} />;
  if (overview.isError) {
    return (
      <ErrorState
        title="The summary could not be loaded"
        error={overview.error}
        onRetry={() => void overview.refetch()}
      />
    );
  }
  return (
    <div {...busy(overview.isPlaceholderData)}>
      <OverviewFigures overview={overview.data} />
    </div>
  );
}

function Trends({ view }: { view: PerformanceView }) {
  const series = useMetricSeries(view.range, view.endpoint);
  const phrase = RANGE_LABELS[view.range].phrase;
  if (series.isPending) return <Skeleton label="Loading the charts" rows={6} />;
  if (series.isError) {
    return (
      <ErrorState
        title="The charts could not be loaded"
        error={series.error}
        onRetry={() => void series.refetch()}
      />
    );
  }
  if (!hasRequests(series.data)) {
    return (
      <EmptyState
        title={
          view.endpoint
            ? `No requests to ${view.endpoint} in ${phrase}`
            : `No requests in ${phrase}`
        }
      >
        <p>Choose a longer range to see earlier traffic.</p>
      </EmptyState>
    );
  }
  return (
    <div {...busy(series.isPlaceholderData)}>
      <PerformanceCharts series={series.data} />
    </div>
  );
}

function ErrorRates({ view, hrefOf }: { view: PerformanceView; hrefOf: (e: string) => string }) {
  const rates = useErrorRates(view.range);
  const phrase = RANGE_LABELS[view.range].phrase;
  if (rates.isPending) return <Skeleton label="Loading error rates" rows={4} />;
  if (rates.isError) {
    return (
      <ErrorState
        title="Error rates could not be loaded"
        error={rates.error}
        onRetry={() => void rates.refetch()}
      />
    );
  }
  if (rates.data.items.length === 0) return <EmptyState title={`No requests in ${phrase}`} />;
  return (
    <div {...busy(rates.isPlaceholderData)}>
      <p className="text-muted">
        Trend: against the {RANGE_LABELS[view.range].short} just before. Choose an endpoint to see
        its own charts and slow requests.
      </p>
      <ErrorRatesTable
        rows={errorRateRows(rates.data.items)}
        caption={`Error rates by endpoint in ${phrase}, most errors first`}
        endpointHref={hrefOf}
      />
    </div>
  );
}

/** The drilled-down endpoint's own line of the error rates, with its trend. */
function EndpointRate({ view }: { view: PerformanceView & { endpoint: string } }) {
  const rates = useErrorRates(view.range);
  if (rates.isPending) return <Skeleton label="Loading the endpoint's error rate" rows={1} />;
  if (rates.isError) {
    return (
      <ErrorState
        title="The endpoint's error rate could not be loaded"
        error={rates.error}
        onRetry={() => void rates.refetch()}
      />
    );
  }
  const item = rates.data.items.find((rate) => rate.endpoint === view.endpoint);
  if (!item) return null;
  const [row] = errorRateRows([item]);
  if (!row) return null;
  const trend = TREND_TEXT[row.trend];
  return (
    <p className="perf-endpoint-rate">
      {formatCount(row.requests)} requests, error rate {row.errorRate}{' '}
      <span className={`badge badge--${trend.tone}`}>{trend.label}</span>{' '}
      <span className="text-muted">
        {row.change} against the {RANGE_LABELS[view.range].short} before
      </span>
    </p>
  );
}

/** A slow-sample list's states: loading, error, empty, or the table with how many it shows. */
function SlowSamples<Item>({
  noun,
  of,
  view,
  samples,
  table,
}: {
  noun: 'requests' | 'queries';
  /** Whose samples, in words (" to GET /api/v1/…"), or '' for all. */
  of: string;
  view: PerformanceView;
  samples: UseQueryResult<{ items: Item[]; total: number }>;
  table: (items: Item[], caption: string) => ReactNode;
}) {
  const phrase = RANGE_LABELS[view.range].phrase;
  if (samples.isPending) return <Skeleton label={`Loading slow ${noun}`} rows={4} />;
  if (samples.isError) {
    return (
      <ErrorState
        title={`Slow ${noun} could not be loaded`}
        error={samples.error}
        onRetry={() => void samples.refetch()}
      />
    );
  }
  const { items, total } = samples.data;
  if (items.length === 0) return <EmptyState title={`No slow ${noun}${of} in ${phrase}`} />;
  return (
    <div {...busy(samples.isPlaceholderData)}>
      <p className="text-muted">
        {items.length < total
          ? `The ${items.length} ${view.sort} of ${total}.`
          : `${total} in all.`}
      </p>
      {table(items, `Slow ${noun}${of} in ${phrase}, ${view.sort} first`)}
    </div>
  );
}

function SlowRequests({
  view,
  hrefOf,
}: {
  view: PerformanceView;
  hrefOf?: (endpoint: string) => string;
}) {
  return (
    <SlowSamples
      noun="requests"
      of={view.endpoint ? ` to ${view.endpoint}` : ''}
      view={view}
      samples={useSlowRequests(view.range, view.endpoint, view.sort)}
      table={(items, caption) => (
        <SlowRequestsTable rows={slowRequestRows(items)} caption={caption} endpointHref={hrefOf} />
      )}
    />
  );
}

function SlowQueries({ view }: { view: PerformanceView }) {
  return (
    <SlowSamples
      noun="queries"
      of={view.endpoint ? ` in requests to ${view.endpoint}` : ''}
      view={view}
      samples={useSlowQueries(view.range, view.endpoint, view.sort)}
      table={(items, caption) => <SlowQueriesTable rows={slowQueryRows(items)} caption={caption} />}
    />
  );
}

/**
 * Response times, traffic and errors of the API over a range, with the slowest requests and
 * queries; an endpoint opens its own view (`?endpoint=GET%20/api/v1/transactions`).
 */
export function PerformancePage() {
  const [params, setParams] = useSearchParams();
  const view = viewOf(params);
  const queryClient = useQueryClient();
  const go = (changes: Partial<PerformanceView>) => setParams(searchOf({ ...view, ...changes }));
  const hrefOf = (endpoint: string) => searchOf({ ...view, endpoint });

  return (
    <section className="perf-page">
      <PageHeader title="Performance">
        <div className="page-header__actions perf-controls">
          <RangeSelector value={view.range} onChange={(range) => go({ range })} />
          <SelectField
            label="Slow lists"
            value={view.sort}
            onChange={(event) => go({ sort: event.target.value as SlowSort })}
          >
            <option value="newest">Newest first</option>
            <option value="slowest">Slowest first</option>
          </SelectField>
          <button
            type="button"
            className="button button--ghost"
            onClick={() => void queryClient.invalidateQueries({ queryKey: performanceKeys.all })}
          >
            Refresh
          </button>
        </div>
      </PageHeader>

      {view.endpoint ? (
        <div className="perf-drill">
          <nav aria-label="Back to every endpoint">
            <Link to={searchOf({ ...view, endpoint: null })}>← All endpoints</Link>
          </nav>
          <p>
            Showing <strong className="perf-code">{view.endpoint}</strong> only.
          </p>
          <EndpointRate view={{ ...view, endpoint: view.endpoint }} />
        </div>
      ) : (
        <section aria-labelledby="perf-summary">
          <h2 id="perf-summary">Summary</h2>
          <Overview range={view.range} />
        </section>
      )}

      <section aria-labelledby="perf-trends">
        <h2 id="perf-trends">
          {view.endpoint
            ? `Response time and errors of ${view.endpoint}`
            : 'Response time and errors'}
        </h2>
        <Trends view={view} />
      </section>

      {!view.endpoint && (
        <section aria-labelledby="perf-error-rates">
          <h2 id="perf-error-rates">Error rates by endpoint</h2>
          <ErrorRates view={view} hrefOf={hrefOf} />
        </section>
      )}

      <section aria-labelledby="perf-slow-requests">
        <h2 id="perf-slow-requests">Slow requests</h2>
        <SlowRequests view={view} hrefOf={view.endpoint ? undefined : hrefOf} />
      </section>

      <section aria-labelledby="perf-slow-queries">
        <h2 id="perf-slow-queries">Slow queries</h2>
        <SlowQueries view={view} />
      </section>
    </section>
  );
}
