import { keepPreviousData, type QueryClient, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { exceptionKeys } from '../../admin-exceptions';
import { performanceKeys, type Range, windowOf } from '../../admin-performance';

/**
 * The key names the range, not its instants: each fetch (a refresh included) reads up to now
 * again into the same cache entry.
 */
export const overviewKeys = {
  all: ['admin-logs-overview'] as const,
  statistics: (range: Range) => [...overviewKeys.all, 'statistics', range] as const,
};

/** Log volume by level and the most frequent errors over the range. */
export const useLogStatistics = (range: Range) =>
  useQuery({
    queryKey: overviewKeys.statistics(range),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/logging/logs/statistics', {
          params: { query: windowOf(range, Date.now()) },
        }),
      ),
    placeholderData: keepPreviousData,
  });

/**
 * Reads every section of the dashboard for `range` again: its own statistics, and the response
 * times and exception patterns it shares with the performance and exception pages.
 */
export const refreshOverview = (queryClient: QueryClient, range: Range): Promise<unknown> =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: overviewKeys.statistics(range) }),
    queryClient.invalidateQueries({ queryKey: performanceKeys.series(range, null) }),
    queryClient.invalidateQueries({ queryKey: exceptionKeys.patterns(range) }),
  ]);
