import type { components } from '@ledgerlens/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { invalidateAfterGoalChange } from './goal-keys';

export type ContributionInput = components['schemas']['CreateContributionDto'];

/** Records money put aside for (or taken out of) a goal without an account. */
export const addContribution = ({ goalId, body }: { goalId: string; body: ContributionInput }) =>
  unwrap(api.POST('/api/v1/goals/{id}/contributions', { params: { path: { id: goalId } }, body }));

export function useAddContribution() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addContribution,
    onSuccess: () => invalidateAfterGoalChange(queryClient),
  });
}
