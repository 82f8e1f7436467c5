import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { transactionKeys } from './transaction-keys';
import type { TransactionFilters } from './types';

/** Income, spending and net per currency of every transaction the filters match, all pages. */
export const getTransactionTotals = (filters: TransactionFilters) =>
  unwrap(api.GET('/api/v1/transactions/totals', { params: { query: filters } }));

export const transactionTotalsQueryOptions = (filters: TransactionFilters) =>
  queryOptions({
    queryKey: transactionKeys.totals(filters),
    queryFn: () => getTransactionTotals(filters),
  });

/** The totals of a filtered list; while new filters load, the previous totals stay. */
export const useTransactionTotals = (filters: TransactionFilters) =>
  useQuery({ ...transactionTotalsQueryOptions(filters), placeholderData: keepPreviousData });
