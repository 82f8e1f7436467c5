import type { components } from '@ledgerlens/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { invalidateAfterBudgetChange } from './budget-keys';

export type CreateBudgetInput = components['schemas']['CreateBudgetDto'];

export const createBudget = (body: CreateBudgetInput) =>
  unwrap(api.POST('/api/v1/budgets', { body }));

export function useCreateBudget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createBudget,
    onSuccess: () => invalidateAfterBudgetChange(queryClient),
  });
}
