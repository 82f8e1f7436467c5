import type { components } from '@ledgerlens/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { fetchAllPages, MAX_PAGE_SIZE } from '../../../lib/fetch-all-pages';
import { budgetKeys } from './budget-keys';

export type Budget = components['schemas']['BudgetDto'];
export type BudgetPeriod = Budget['period'];
export type BudgetStatus = Budget['status'];

/** Every budget with its current period's spending and status, computed by the API. */
export const getBudgets = (): Promise<Budget[]> =>
  fetchAllPages((page) =>
    unwrap(api.GET('/api/v1/budgets', { params: { query: { page, limit: MAX_PAGE_SIZE } } })),
  );

export const budgetsQueryOptions = () =>
  queryOptions({ queryKey: budgetKeys.list(), queryFn: getBudgets });

export const useBudgets = () => useQuery(budgetsQueryOptions());
