import type { Category, CategoryInUse } from '../api/types';

/**
 * The categories a list can be filtered by: the live ones, and the deleted ones transactions
 * still use, marked as such ("Travel (deleted)"), since filtering by them still finds those.
 */
export function filterCategoriesOf(
  live: readonly Category[],
  inUse: readonly CategoryInUse[],
): Category[] {
  const deleted = inUse
    .filter(({ deletedAt }) => deletedAt !== null)
    .map(({ deletedAt: _deletedAt, ...category }) => ({
      ...category,
      name: `${category.name} (deleted)`,
    }));
  return [...live, ...deleted];
}
