import type { QueryClient } from '@tanstack/react-query';
import type { ExceptionFilters, RangeKey } from '../exception-filters';

export const exceptionKeys = {
  all: ['admin-exceptions'] as const,
  list: (filters: ExceptionFilters) => [...exceptionKeys.all, 'list', filters] as const,
  detail: (id: string, range: RangeKey) => [...exceptionKeys.all, 'detail', id, range] as const,
  patterns: (range: RangeKey) => [...exceptionKeys.all, 'patterns', range] as const,
};

/** A status change shows in the list, the group's page and the patterns' top groups. */
export const invalidateExceptions = (queryClient: QueryClient): Promise<void> =>
  queryClient.invalidateQueries({ queryKey: exceptionKeys.all });
