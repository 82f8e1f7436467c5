import type { components } from '@ledgerlens/contracts';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { budgetKeys } from './budget-keys';

export type BudgetAlert = components['schemas']['BudgetAlertDto'];
type BudgetAlertPage = components['schemas']['BudgetAlertPageDto'];

const ALERTS_PAGE_SIZE = 20;

/** One page of threshold crossings, newest first. */
export const getBudgetAlerts = (page: number): Promise<BudgetAlertPage> =>
  unwrap(
    api.GET('/api/v1/budgets/alerts', { params: { query: { page, limit: ALERTS_PAGE_SIZE } } }),
  );

export const budgetAlertsQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: budgetKeys.alerts(),
    queryFn: ({ pageParam }) => getBudgetAlerts(pageParam),
    initialPageParam: 1,
    getNextPageParam: (last: BudgetAlertPage) =>
      last.page * last.limit < last.total ? last.page + 1 : undefined,
  });

export const useBudgetAlerts = () => useInfiniteQuery(budgetAlertsQueryOptions());
