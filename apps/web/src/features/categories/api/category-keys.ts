import type { QueryClient } from '@tanstack/react-query';

export const categoryKeys = {
  all: ['categories'] as const,
  list: () => [...categoryKeys.all, 'list'] as const,
};

/**
 * After a category is created, renamed, recoloured or deleted: transactions, budgets and the
 * dashboard show category names and colours, so their cached pages are stale too.
 */
export function invalidateAfterCategoryChange(queryClient: QueryClient): Promise<unknown> {
  return Promise.all(
    [categoryKeys.all, ['transactions'], ['budgets'], ['dashboard']].map((queryKey) =>
      queryClient.invalidateQueries({ queryKey }),
    ),
  );
}
