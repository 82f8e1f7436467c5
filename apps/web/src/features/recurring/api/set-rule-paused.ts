import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { invalidateAfterRecurringChange } from './recurring-keys';

/** Pauses a rule (nothing is booked) or resumes it (from today on). */
export const setRulePaused = ({ id, paused }: { id: string; paused: boolean }) =>
  paused
    ? unwrap(api.POST('/api/v1/recurring/{id}/pause', { params: { path: { id } } }))
    : unwrap(api.POST('/api/v1/recurring/{id}/resume', { params: { path: { id } } }));

export function useSetRulePaused() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setRulePaused,
    onSuccess: () => invalidateAfterRecurringChange(queryClient),
  });
}
