import type { components } from '@ledgerlens/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { categoryKeys } from './category-keys';
import { fetchAllPages, MAX_PAGE_SIZE } from '../../../lib/fetch-all-pages';

export type Category = components['schemas']['CategoryDto'];
export type CategoryKind = Category['kind'];

/** All of the user's categories, expense ones first, each kind by name (the API's order). */
export const getCategories = (): Promise<Category[]> =>
  fetchAllPages((page) =>
    unwrap(api.GET('/api/v1/categories', { params: { query: { page, limit: MAX_PAGE_SIZE } } })),
  );

export const categoriesQueryOptions = () =>
  queryOptions({ queryKey: categoryKeys.list(), queryFn: getCategories });

export const useCategories = () => useQuery(categoriesQueryOptions());
