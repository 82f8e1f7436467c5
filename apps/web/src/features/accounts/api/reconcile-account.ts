import type { components } from '@ledgerlens/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { invalidateAfterAccountChange } from './account-changes';

export type ReconcileRequest = components['schemas']['ReconcileAccountDto'];
export type Reconciliation = components['schemas']['ReconciliationDto'];

/**
 * Compares a statement's balance with the ledger's on its date; with `bookAdjustment`, books
 * the difference so they agree. Reconciled when they agreed or the adjustment was booked.
 */
export const reconcileAccount = ({ id, body }: { id: string; body: ReconcileRequest }) =>
  unwrap(api.POST('/api/v1/accounts/{id}/reconcile', { params: { path: { id } }, body }));

export function useReconcileAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reconcileAccount,
    onSuccess: () => invalidateAfterAccountChange(queryClient),
  });
}
