import type { UserPreferences } from '../api/preferences-queries';

export const somePreferences = (overrides: Partial<UserPreferences> = {}): UserPreferences => ({
  budgetAlertEmails: false,
  ...overrides,
});
