import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { transactionKeys } from './transaction-keys';

/** The categories the user's transactions use, deleted ones included (with `deletedAt`). */
export const getCategoriesInUse = () => unwrap(api.GET('/api/v1/transactions/categories'));

/**
 * Transaction writes invalidate it with the rest of the feature; a category deleted on the
 * Categories page does not, so it is fetched afresh whenever the list is shown.
 */
export const categoriesInUseQueryOptions = () =>
  queryOptions({
    queryKey: transactionKeys.categoriesInUse(),
    queryFn: getCategoriesInUse,
    staleTime: 0,
  });

export const useCategoriesInUse = () => useQuery(categoriesInUseQueryOptions());
