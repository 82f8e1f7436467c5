import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { errorMessageOf } from '../../../lib/api-error';
import { toast } from '../../toasts';
import { invalidateAfterTransactionChange } from './transaction-keys';
import type { Transaction } from './types';

/**
 * Soft-deletes a transaction. `keepalive` lets the request outlive the page, since a delete
 * waiting out its undo window is sent when the user leaves.
 */
export const deleteTransaction = ({ id }: Transaction) =>
  unwrap(api.DELETE('/api/v1/transactions/{id}', { params: { path: { id } }, keepalive: true }));

/**
 * The delete mutation. Its outcome is handled here rather than per call so it still shows when
 * the delete is sent as the page unmounts.
 */
export function useDeleteTransaction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteTransaction,
    onSuccess: () => invalidateAfterTransactionChange(queryClient),
    onError: (error, transaction) =>
      toast.error(`“${transaction.description}” could not be deleted: ${errorMessageOf(error)}`),
  });
}
