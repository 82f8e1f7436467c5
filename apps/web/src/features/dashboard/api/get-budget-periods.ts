import type { components } from '@ledgerlens/contracts';
import { queryOptions, useQueries } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { dashboardKeys } from './dashboard-keys';

export type BudgetPeriods = components['schemas']['BudgetPeriodsDto'];
export type BudgetPeriodResult = components['schemas']['BudgetPeriodResultDto'];

/**
 * The most periods the API answers: the dashboard reads them all once per budget and picks
 * those up to the chosen month.
 */
export const PERIODS_READ = 24;

export const getBudgetPeriods = (id: string): Promise<BudgetPeriods> =>
  unwrap(
    api.GET('/api/v1/budgets/{id}/periods', {
      params: { path: { id }, query: { count: PERIODS_READ } },
    }),
  );

export const budgetPeriodsQueryOptions = (id: string) =>
  queryOptions({ queryKey: dashboardKeys.budgetPeriods(id), queryFn: () => getBudgetPeriods(id) });

/** Each budget's latest periods, one request per budget, in the order of `ids`. */
export const useBudgetPeriods = (ids: readonly string[]) =>
  useQueries({ queries: ids.map((id) => budgetPeriodsQueryOptions(id)) });
