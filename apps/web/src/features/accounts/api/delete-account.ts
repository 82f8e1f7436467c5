import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { invalidateAfterAccountChange } from './account-changes';

/** Deletes an account; the API refuses (422) one with transactions or recurring rules. */
export const deleteAccount = (id: string) =>
  unwrap(api.DELETE('/api/v1/accounts/{id}', { params: { path: { id } } }));

export function useDeleteAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteAccount,
    onSuccess: () => invalidateAfterAccountChange(queryClient),
  });
}
