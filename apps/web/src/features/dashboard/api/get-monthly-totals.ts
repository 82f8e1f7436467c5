import type { components } from '@ledgerlens/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { dashboardKeys, type MonthRange } from './dashboard-keys';

export type MonthlyTotals = components['schemas']['MonthlyTotalsDto'];

/** Income and spending per currency and month, added up by the API in one request. */
export const getMonthlyTotals = (range: MonthRange): Promise<MonthlyTotals> =>
  unwrap(api.GET('/api/v1/insights/months', { params: { query: range } }));

export const monthlyTotalsQueryOptions = (range: MonthRange) =>
  queryOptions({
    queryKey: dashboardKeys.monthlyTotals(range),
    queryFn: () => getMonthlyTotals(range),
  });

export const useMonthlyTotals = (range: MonthRange) => useQuery(monthlyTotalsQueryOptions(range));
