import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { type Range, windowOf } from '../range';
import { splitEndpoint } from '../tables';

export type SlowSort = 'newest' | 'slowest';

/** Rows a slow-sample table shows. */
export const SLOW_LIMIT = 20;

/**
 * Keys name the range, not its instants: the window is computed when a query runs, so a refetch
 * (refresh, retry) reads up to "now" again while the cache entry stays the same.
 */
export const performanceKeys = {
  all: ['admin-performance'] as const,
  overview: (range: Range) => [...performanceKeys.all, 'overview', range] as const,
  series: (range: Range, endpoint: string | null) =>
    [...performanceKeys.all, 'series', range, endpoint] as const,
  errorRates: (range: Range) => [...performanceKeys.all, 'error-rates', range] as const,
  slowRequests: (range: Range, endpoint: string | null, sort: SlowSort) =>
    [...performanceKeys.all, 'slow-requests', range, endpoint, sort] as const,
  slowQueries: (range: Range, endpoint: string | null, sort: SlowSort) =>
    [...performanceKeys.all, 'slow-queries', range, endpoint, sort] as const,
};

// Keeps the previous range's figures on screen while the next loads, instead of a flash of skeletons.
const smooth = { placeholderData: keepPreviousData };

export const useOverview = (range: Range) =>
  useQuery({
    queryKey: performanceKeys.overview(range),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/monitoring/overview', { params: { query: windowOf(range, Date.now()) } }),
      ),
    ...smooth,
  });

/** Latency and error series of every endpoint merged, or of one (`endpoint`, the series name). */
export const useMetricSeries = (range: Range, endpoint: string | null) =>
  useQuery({
    queryKey: performanceKeys.series(range, endpoint),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/monitoring/metrics', {
          params: {
            query: {
              ...windowOf(range, Date.now()),
              metricType: 'http_request',
              ...(endpoint ? { name: endpoint } : {}),
            },
          },
        }),
      ),
    ...smooth,
  });

export const useErrorRates = (range: Range) =>
  useQuery({
    queryKey: performanceKeys.errorRates(range),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/monitoring/error-rates', {
          params: { query: windowOf(range, Date.now()) },
        }),
      ),
    ...smooth,
  });

/** Slow requests of the range, of one endpoint (its method and route) when drilled down. */
export const useSlowRequests = (range: Range, endpoint: string | null, sort: SlowSort) =>
  useQuery({
    queryKey: performanceKeys.slowRequests(range, endpoint, sort),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/monitoring/slow-requests', {
          params: {
            query: {
              ...windowOf(range, Date.now()),
              ...((endpoint && splitEndpoint(endpoint)) || {}),
              sort,
              limit: SLOW_LIMIT,
            },
          },
        }),
      ),
    ...smooth,
  });

/** Slow queries of the range, of the requests to one endpoint when drilled down. */
export const useSlowQueries = (range: Range, endpoint: string | null, sort: SlowSort) =>
  useQuery({
    queryKey: performanceKeys.slowQueries(range, endpoint, sort),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/monitoring/slow-queries', {
          params: {
            query: {
              ...windowOf(range, Date.now()),
              ...(endpoint ? { endpoint } : {}),
              sort,
              limit: SLOW_LIMIT,
            },
          },
        }),
      ),
    ...smooth,
  });
