import type { components } from '@ledgerlens/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { invalidateAfterAccountChange } from './account-changes';

export type NewAccount = components['schemas']['CreateAccountDto'];
export type AccountChanges = components['schemas']['UpdateAccountDto'];

/** A new account, or changes to one (`id`): archiving and unarchiving are changes too. */
export type SaveAccountRequest = { id: string; changes: AccountChanges } | { body: NewAccount };

export const saveAccount = (request: SaveAccountRequest) =>
  'id' in request
    ? unwrap(
        api.PATCH('/api/v1/accounts/{id}', {
          params: { path: { id: request.id } },
          body: request.changes,
        }),
      )
    : unwrap(api.POST('/api/v1/accounts', { body: request.body }));

export function useSaveAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveAccount,
    onSuccess: () => invalidateAfterAccountChange(queryClient),
  });
}
