import type { QueryClient } from '@tanstack/react-query';

export const budgetKeys = {
  all: ['budgets'] as const,
  list: () => [...budgetKeys.all, 'list'] as const,
  alerts: () => [...budgetKeys.all, 'alerts'] as const,
};

/** After a budget is created, changed or deleted: its lists and the dashboard's cards are stale. */
export function invalidateAfterBudgetChange(queryClient: QueryClient): Promise<unknown> {
  return Promise.all(
    [budgetKeys.all, ['dashboard']].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
  );
}
