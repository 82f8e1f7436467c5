import type { TransactionType } from '@ledgerlens/contracts';
import type { Category } from '../categories';

/**
 * Finds a row's category by the name in its category column, case-insensitively, among the
 * user's live categories of the row's type (an income is not booked to an expense category):
 * the category's ID, or null (stored without one).
 */
export function categoryMatcher(
  categories: readonly Pick<Category, 'id' | 'name' | 'kind'>[],
): (row: { categoryName: string | null; type: TransactionType }) => string | null {
  const byName = new Map(
    categories.map((category) => [`${category.kind}/${category.name.toLowerCase()}`, category.id]),
  );
  return ({ categoryName, type }) =>
    categoryName === null ? null : (byName.get(`${type}/${categoryName.toLowerCase()}`) ?? null);
}
