import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { invalidateAfterTransactionChange } from './transaction-keys';
import type { TransactionChanges } from './types';

export const updateTransaction = ({ id, changes }: { id: string; changes: TransactionChanges }) =>
  unwrap(api.PATCH('/api/v1/transactions/{id}', { params: { path: { id } }, body: changes }));

export function useUpdateTransaction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateTransaction,
    onSuccess: () => invalidateAfterTransactionChange(queryClient),
  });
}
