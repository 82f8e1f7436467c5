import type { components } from '@ledgerlens/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { Month } from '../month';
import { dashboardKeys } from './dashboard-keys';

export type Transaction = components['schemas']['TransactionDto'];

/** How many of the latest transactions the dashboard lists. */
export const RECENT_COUNT = 8;

/**
 * The latest transactions by date, of `month` when given; without one, `total` also tells
 * whether the user has any at all.
 */
export const getRecentTransactions = (month?: Month) =>
  unwrap(
    api.GET('/api/v1/transactions', {
      params: {
        query: {
          limit: RECENT_COUNT,
          sort: 'occurredOn',
          order: 'desc',
          ...(month ? { from: month.from, to: month.to } : {}),
        },
      },
    }),
  );

export const recentTransactionsQueryOptions = (month?: Month) =>
  queryOptions({
    queryKey: dashboardKeys.recent(month?.key),
    queryFn: () => getRecentTransactions(month),
  });

export const useRecentTransactions = (month?: Month) =>
  useQuery(recentTransactionsQueryOptions(month));
