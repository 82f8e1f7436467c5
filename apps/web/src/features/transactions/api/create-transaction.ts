import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { invalidateAfterTransactionChange } from './transaction-keys';
import type { NewTransaction } from './types';

export const createTransaction = (body: NewTransaction) =>
  unwrap(api.POST('/api/v1/transactions', { body }));

export function useCreateTransaction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTransaction,
    onSuccess: () => invalidateAfterTransactionChange(queryClient),
  });
}
