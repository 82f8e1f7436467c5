import type { QueryClient } from '@tanstack/react-query';

export const goalKeys = {
  all: ['goals'] as const,
  list: () => [...goalKeys.all, 'list'] as const,
};

/** After a goal or a contribution changes: every goal's progress may have moved. */
export function invalidateAfterGoalChange(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: goalKeys.list() });
}
