import type { components } from '@ledgerlens/contracts';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../lib/api-client';

/**
 * The signed-in user's preferences as every feature reads them (the settings page changes them;
 * the app formats with them, new goals, accounts, budgets, rules and transactions start in the
 * default currency), so all share one query and cache and a saved change reaches every reader.
 */
export type UserPreferences = components['schemas']['UserPreferencesDto'];

export const preferenceKeys = {
  mine: ['preferences', 'me'] as const,
};

const getPreferences = (): Promise<UserPreferences> =>
  unwrap(api.GET('/api/v1/users/me/preferences'));

// A plain object, not `queryOptions()`: the app shell reads the preferences on every page, and
// that helper would pull a chunk of its own into the first visit.
const preferencesQuery = { queryKey: preferenceKeys.mine, queryFn: getPreferences };

export const usePreferences = () => useQuery(preferencesQuery);

/** The currency a new goal, account, budget, rule or transaction starts in. */
export const useDefaultCurrency = () =>
  useQuery({
    ...preferencesQuery,
    select: (preferences) => preferences.defaultCurrency,
  });
