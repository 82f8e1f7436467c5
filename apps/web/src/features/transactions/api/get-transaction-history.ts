import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { transactionKeys } from './transaction-keys';

/** Every recorded change of a transaction, oldest first, from the audit trail. */
export const getTransactionHistory = (id: string) =>
  unwrap(api.GET('/api/v1/transactions/{id}/history', { params: { path: { id } } }));

export const transactionHistoryQueryOptions = (id: string) =>
  queryOptions({ queryKey: transactionKeys.history(id), queryFn: () => getTransactionHistory(id) });

export const useTransactionHistory = (id: string) => useQuery(transactionHistoryQueryOptions(id));
