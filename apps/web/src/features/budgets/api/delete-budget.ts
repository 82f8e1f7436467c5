import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { invalidateAfterBudgetChange } from './budget-keys';

export const deleteBudget = (id: string) =>
  unwrap(api.DELETE('/api/v1/budgets/{id}', { params: { path: { id } } }));

export function useDeleteBudget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteBudget,
    onSuccess: () => invalidateAfterBudgetChange(queryClient),
  });
}
