import type { FormatLocale, Weekday } from '@ledgerlens/contracts';
import { EntityManager } from 'typeorm';
import type { UsersTable } from '../../database/generated/db-tables';
import { Narrowed, execute, oneRowOf } from '../../database/typed-rows';

type PreferencesRow = Pick<
  Narrowed<
    UsersTable,
    { first_day_of_week: Weekday; number_format: FormatLocale; date_format: FormatLocale }
  >,
  | 'email_budget_alerts'
  | 'default_currency'
  | 'time_zone'
  | 'first_day_of_week'
  | 'number_format'
  | 'date_format'
>;

/** Preferences to change, by column; left out keeps the value. */
export type PreferenceChanges = Partial<PreferencesRow>;

const COLUMNS: readonly (keyof PreferencesRow)[] = [
  'email_budget_alerts',
  'default_currency',
  'time_zone',
  'first_day_of_week',
  'number_format',
  'date_format',
];

/**
 * The signed-in user's own preferences (`app_current_user_id()`): `manager` is a transaction
 * entered as that user, so Row-Level Security lets it reach its own row only.
 */
export function ownPreferencesRow(manager: EntityManager): Promise<PreferencesRow | undefined> {
  return oneRowOf<PreferencesRow>(
    manager,
    `SELECT ${COLUMNS.join(', ')} FROM users WHERE id = app_current_user_id()`,
  );
}

/** Changes the given preferences of the user's own row in one statement; none: no statement. */
export async function setOwnPreferences(
  manager: EntityManager,
  changes: PreferenceChanges,
): Promise<void> {
  const given = COLUMNS.filter((column) => changes[column] !== undefined);
  if (given.length === 0) return;
  await execute(
    manager,
    `UPDATE users SET ${given.map((column, i) => `${column} = $${i + 1}`).join(', ')}
     WHERE id = app_current_user_id()`,
    given.map((column) => changes[column]),
  );
}
