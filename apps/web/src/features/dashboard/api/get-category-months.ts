import type { components } from '@ledgerlens/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { dashboardKeys, type MonthRange } from './dashboard-keys';

export type CategoryMonths = components['schemas']['CategorySpendingDto'];

/** Spending per currency, category and month, added up by the API in one request. */
export const getCategoryMonths = (range: MonthRange): Promise<CategoryMonths> =>
  unwrap(api.GET('/api/v1/insights/categories', { params: { query: range } }));

export const categoryMonthsQueryOptions = (range: MonthRange) =>
  queryOptions({
    queryKey: dashboardKeys.categoryMonths(range),
    queryFn: () => getCategoryMonths(range),
  });

export const useCategoryMonths = (range: MonthRange) => useQuery(categoryMonthsQueryOptions(range));
