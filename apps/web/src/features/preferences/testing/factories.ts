import { DEFAULT_PREFERENCES } from '@ledgerlens/contracts';
import type { UserPreferences } from '../../../entities/preferences';

export const somePreferences = (overrides: Partial<UserPreferences> = {}): UserPreferences => ({
  budgetAlertEmails: false,
  ...DEFAULT_PREFERENCES,
  ...overrides,
});
