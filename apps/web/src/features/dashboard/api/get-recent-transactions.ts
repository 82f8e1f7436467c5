import type { components } from '@ledgerlens/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { dashboardKeys } from './dashboard-keys';

export type Transaction = components['schemas']['TransactionDto'];

/** How many of the latest transactions the dashboard lists. */
export const RECENT_COUNT = 8;

/** The latest transactions by date; `total` also tells whether the user has any at all. */
export const getRecentTransactions = () =>
  unwrap(
    api.GET('/api/v1/transactions', {
      params: { query: { limit: RECENT_COUNT, sort: 'occurredOn', order: 'desc' } },
    }),
  );

export const recentTransactionsQueryOptions = () =>
  queryOptions({ queryKey: dashboardKeys.recent(), queryFn: getRecentTransactions });

export const useRecentTransactions = () => useQuery(recentTransactionsQueryOptions());
