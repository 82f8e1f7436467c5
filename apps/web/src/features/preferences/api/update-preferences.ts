import type { components } from '@ledgerlens/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { preferenceKeys } from '../../../entities/preferences';
import { api, unwrap } from '../../../lib/api-client';

export type PreferenceChanges = components['schemas']['UpdateUserPreferencesDto'];

/** Whether `changes` touch more than notifications: what the API computes and the SPA shows. */
const changesRegionalSettings = (changes: PreferenceChanges) =>
  Object.keys(changes).some((name) => name !== 'budgetAlertEmails');

/**
 * Saves changed preferences; the answer is the whole set as stored, which the page and the app's
 * formatting then use. A new time zone or week start moves budget periods and "this month" on
 * the API, so every other query is loaded again.
 */
export function useUpdatePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: PreferenceChanges) =>
      unwrap(api.PATCH('/api/v1/users/me/preferences', { body: changes })),
    onSuccess: async (saved, changes) => {
      queryClient.setQueryData(preferenceKeys.mine, saved);
      if (changesRegionalSettings(changes)) {
        await queryClient.invalidateQueries({
          predicate: (query) => query.queryKey[0] !== preferenceKeys.mine[0],
        });
      }
    },
  });
}
