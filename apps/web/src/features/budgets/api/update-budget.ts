import type { components } from '@ledgerlens/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { invalidateAfterBudgetChange } from './budget-keys';

export type UpdateBudgetInput = components['schemas']['UpdateBudgetDto'];

export const updateBudget = ({ id, changes }: { id: string; changes: UpdateBudgetInput }) =>
  unwrap(api.PATCH('/api/v1/budgets/{id}', { params: { path: { id } }, body: changes }));

export function useUpdateBudget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateBudget,
    onSuccess: () => invalidateAfterBudgetChange(queryClient),
  });
}
