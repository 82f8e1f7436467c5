import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { transactionKeys } from './transaction-keys';

/** Both sides of a transfer: which account the money left and which it reached. */
export const getTransfer = (id: string) =>
  unwrap(api.GET('/api/v1/transfers/{id}', { params: { path: { id } } }));

export const transferQueryOptions = (id: string) =>
  queryOptions({ queryKey: transactionKeys.transfer(id), queryFn: () => getTransfer(id) });

export const useTransfer = (id: string | null) =>
  useQuery({ ...transferQueryOptions(id ?? ''), enabled: id !== null });
