import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

/**
 * The user's default currency, for a new account. The preferences query's own key, so the app's
 * copy of the preferences serves it and a change in the settings reaches it.
 */
export const useDefaultCurrency = () =>
  useQuery({
    queryKey: ['preferences', 'me'],
    queryFn: () => unwrap(api.GET('/api/v1/users/me/preferences')),
    select: (preferences) => preferences.defaultCurrency,
  });
