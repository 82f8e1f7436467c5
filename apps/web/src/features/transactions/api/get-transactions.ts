import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { transactionKeys } from './transaction-keys';
import type { TransactionFilters, TransactionPage } from './types';

export const TRANSACTIONS_PAGE_SIZE = 50;

/** One page, newest day first (the API's default order). */
export const getTransactions = (filters: TransactionFilters, page: number) =>
  unwrap(
    api.GET('/api/v1/transactions', {
      params: { query: { ...filters, page, limit: TRANSACTIONS_PAGE_SIZE } },
    }),
  );

const nextPageOf = (last: TransactionPage) =>
  last.page * last.limit < last.total ? last.page + 1 : undefined;

export const transactionsQueryOptions = (filters: TransactionFilters) =>
  infiniteQueryOptions({
    queryKey: transactionKeys.list(filters),
    queryFn: ({ pageParam }) => getTransactions(filters, pageParam),
    initialPageParam: 1,
    getNextPageParam: nextPageOf,
  });

/**
 * The matching transactions, a page at a time (`fetchNextPage` loads more). While new filters
 * load, the previous results stay on screen (`isPlaceholderData`) instead of a skeleton.
 */
export const useTransactions = (filters: TransactionFilters) =>
  useInfiniteQuery({ ...transactionsQueryOptions(filters), placeholderData: keepPreviousData });
