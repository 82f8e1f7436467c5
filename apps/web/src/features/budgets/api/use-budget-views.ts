import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { type Category, categoriesQueryOptions } from '../../../entities/categories';
import { budgetName } from '../budget-text';
import { type Budget, budgetsQueryOptions } from './get-budgets';

/** A budget with the name of what it watches. */
export interface BudgetView {
  budget: Budget;
  name: string;
}

export interface BudgetViews {
  /** Budgets and categories both loaded. */
  data: { budgets: BudgetView[]; categories: Category[] } | undefined;
  isPending: boolean;
  /** The first of the two loads that failed. */
  error: Error | null;
  /** Retries whichever load failed. */
  retry: () => void;
}

function toBudgetViews([budgets, categories]: [
  UseQueryResult<Budget[]>,
  UseQueryResult<Category[]>,
]): BudgetViews {
  const failed = [budgets, categories].filter((query) => query.isError);
  return {
    data:
      budgets.data && categories.data
        ? {
            budgets: budgets.data.map((budget) => ({
              budget,
              name: budgetName(budget.categoryId, categories.data),
            })),
            categories: categories.data,
          }
        : undefined,
    isPending: budgets.isPending || categories.isPending,
    error: failed[0]?.error ?? null,
    retry: () => failed.forEach((query) => void query.refetch()),
  };
}

/** The budgets named after their categories: one load state for the two lists a budget needs. */
export const useBudgetViews = (): BudgetViews =>
  useQueries({
    queries: [budgetsQueryOptions(), categoriesQueryOptions()],
    combine: toBudgetViews,
  });
