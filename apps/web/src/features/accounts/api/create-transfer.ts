import type { components } from '@ledgerlens/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { invalidateAfterAccountChange } from './account-changes';

export type NewTransfer = components['schemas']['CreateTransferDto'];

/** Moves money between two accounts: one row leaves the first, one reaches the second. */
export const createTransfer = (body: NewTransfer) =>
  unwrap(api.POST('/api/v1/transfers', { body }));

export function useCreateTransfer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTransfer,
    onSuccess: () => invalidateAfterAccountChange(queryClient),
  });
}
