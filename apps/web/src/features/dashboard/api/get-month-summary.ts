import type { components } from '@ledgerlens/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { Month } from '../month';
import { summarizeMonth } from '../month-summary';
import { dashboardKeys } from './dashboard-keys';

export type TransactionSummary = components['schemas']['TransactionSummaryDto'];

/** One month's sums per currency and category, added up by the API in one request. */
export const getMonthSummary = ({ from, to }: Month): Promise<TransactionSummary> =>
  unwrap(api.GET('/api/v1/transactions/summary', { params: { query: { from, to } } }));

export const monthSummaryQueryOptions = (month: Month) =>
  queryOptions({
    queryKey: dashboardKeys.month(month.key),
    queryFn: () => getMonthSummary(month),
  });

/** This month's totals and spending by category, as the dashboard shows them. */
export const useMonthSummary = (month: Month) =>
  useQuery({ ...monthSummaryQueryOptions(month), select: summarizeMonth });
