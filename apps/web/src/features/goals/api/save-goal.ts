import type { components } from '@ledgerlens/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { invalidateAfterGoalChange } from './goal-keys';

export type GoalInput = components['schemas']['CreateGoalDto'];

/** Creates a goal, or (with `id`) changes one. */
export const saveGoal = ({ id, body }: { id?: string; body: GoalInput }) =>
  id
    ? unwrap(api.PATCH('/api/v1/goals/{id}', { params: { path: { id } }, body }))
    : unwrap(api.POST('/api/v1/goals', { body }));

export function useSaveGoal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveGoal,
    onSuccess: () => invalidateAfterGoalChange(queryClient),
  });
}
