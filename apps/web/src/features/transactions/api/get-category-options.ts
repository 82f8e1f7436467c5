import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { fetchAllPages, MAX_PAGE_SIZE } from '../../../lib/fetch-all-pages';
import type { Category } from './types';

/** All of the user's categories, for the filter and the form's select (a few pages at most). */
export const getAllCategories = (): Promise<Category[]> =>
  fetchAllPages((page) =>
    unwrap(api.GET('/api/v1/categories', { params: { query: { page, limit: MAX_PAGE_SIZE } } })),
  );

/**
 * Under the categories feature's `['categories']` prefix, so its changes refresh these options,
 * with a key of its own because the shape (every page at once) is this feature's.
 */
export const categoryOptionsQueryOptions = () =>
  queryOptions({
    queryKey: ['categories', 'all-for-transactions'],
    queryFn: getAllCategories,
    staleTime: 60_000,
  });

export const useCategoryOptions = () => useQuery(categoryOptionsQueryOptions());
