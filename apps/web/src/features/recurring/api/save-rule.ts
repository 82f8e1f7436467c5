import type { components } from '@ledgerlens/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { invalidateAfterRecurringChange } from './recurring-keys';

export type RuleInput = components['schemas']['CreateRecurringRuleDto'];

/** Creates a rule, or (with `id`) changes one: the change applies from today on. */
export const saveRule = ({ id, body }: { id?: string; body: RuleInput }) =>
  id
    ? unwrap(api.PATCH('/api/v1/recurring/{id}', { params: { path: { id } }, body }))
    : unwrap(api.POST('/api/v1/recurring', { body }));

export function useSaveRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveRule,
    onSuccess: () => invalidateAfterRecurringChange(queryClient),
  });
}
