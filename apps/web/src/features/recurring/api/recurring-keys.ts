import type { QueryClient } from '@tanstack/react-query';

export const recurringKeys = {
  all: ['recurring'] as const,
  rules: () => [...recurringKeys.all, 'rules'] as const,
  upcoming: (days: number) => [...recurringKeys.all, 'upcoming', days] as const,
};

/** After a rule changes: its list and the upcoming occurrences are stale. */
export function invalidateAfterRecurringChange(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: recurringKeys.all });
}
