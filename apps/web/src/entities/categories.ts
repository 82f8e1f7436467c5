import type { components } from '@ledgerlens/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../lib/api-client';
import { fetchAllPages, MAX_PAGE_SIZE } from '../lib/fetch-all-pages';

/**
 * The user's categories as every feature reads them (the Categories page manages them;
 * transactions and budgets show their names and colours), so all share one query and cache.
 */
export type Category = components['schemas']['CategoryDto'];
export type CategoryKind = Category['kind'];

export const categoryKeys = {
  all: ['categories'] as const,
  list: () => [...categoryKeys.all, 'list'] as const,
};

/** All of the user's categories, expense ones first, each kind by name (the API's order). */
export const getCategories = (): Promise<Category[]> =>
  fetchAllPages((page) =>
    unwrap(api.GET('/api/v1/categories', { params: { query: { page, limit: MAX_PAGE_SIZE } } })),
  );

export const categoriesQueryOptions = () =>
  queryOptions({ queryKey: categoryKeys.list(), queryFn: getCategories });

export const useCategories = () => useQuery(categoriesQueryOptions());
