import type { components } from '@ledgerlens/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

export type UserPreferences = components['schemas']['UserPreferencesDto'];
export type PreferenceChanges = components['schemas']['UpdateUserPreferencesDto'];

export const preferenceKeys = {
  mine: ['preferences', 'me'] as const,
};

export const usePreferences = () =>
  useQuery({
    queryKey: preferenceKeys.mine,
    queryFn: () => unwrap(api.GET('/api/v1/users/me/preferences')),
  });

/** Saves changed preferences; the answer is the whole set as stored, which the page then shows. */
export function useUpdatePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: PreferenceChanges) =>
      unwrap(api.PATCH('/api/v1/users/me/preferences', { body: changes })),
    onSuccess: (saved) => queryClient.setQueryData(preferenceKeys.mine, saved),
  });
}
