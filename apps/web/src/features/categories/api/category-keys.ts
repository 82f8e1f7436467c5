import type { QueryClient } from '@tanstack/react-query';
import { categoryKeys } from '../../../entities/categories';

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
