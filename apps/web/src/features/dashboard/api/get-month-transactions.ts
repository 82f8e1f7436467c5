import type { components } from '@ledgerlens/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { fetchAllPages, MAX_PAGE_SIZE } from '../../../lib/fetch-all-pages';
import type { Month } from '../month';
import { summarizeMonth } from '../month-summary';
import { dashboardKeys } from './dashboard-keys';

export type Transaction = components['schemas']['TransactionDto'];

/**
 * Every transaction of one month, page after page: the API has no summary route, so the
 * dashboard adds them up itself (a summary route would spare the paging on busy months).
 */
export const getMonthTransactions = ({ from, to }: Month): Promise<Transaction[]> =>
  fetchAllPages((page) =>
    unwrap(
      api.GET('/api/v1/transactions', {
        params: { query: { from, to, page, limit: MAX_PAGE_SIZE, sort: 'occurredOn' } },
      }),
    ),
  );

export const monthTransactionsQueryOptions = (month: Month) =>
  queryOptions({
    queryKey: dashboardKeys.month(month.key),
    queryFn: () => getMonthTransactions(month),
  });

/** This month's totals and spending by category, recomputed only when the transactions change. */
export const useMonthSummary = (month: Month) =>
  useQuery({ ...monthTransactionsQueryOptions(month), select: summarizeMonth });
