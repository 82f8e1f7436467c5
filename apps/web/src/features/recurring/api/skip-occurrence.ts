import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { invalidateAfterRecurringChange } from './recurring-keys';

/** Skips one coming occurrence of a rule: no transaction is booked for it. */
export const skipOccurrence = ({ ruleId, occursOn }: { ruleId: string; occursOn: string }) =>
  unwrap(
    api.POST('/api/v1/recurring/{id}/skip', {
      params: { path: { id: ruleId } },
      body: { occursOn },
    }),
  );

export function useSkipOccurrence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: skipOccurrence,
    onSuccess: () => invalidateAfterRecurringChange(queryClient),
  });
}
