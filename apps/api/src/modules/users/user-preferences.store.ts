import { EntityManager } from 'typeorm';
import type { UsersTable } from '../../database/generated/db-tables';
import { execute, oneRowOf } from '../../database/typed-rows';

type PreferencesRow = Pick<UsersTable, 'email_budget_alerts'>;

/**
 * The signed-in user's own preferences (`app_current_user_id()`): `manager` is a transaction
 * entered as that user, so Row-Level Security lets it reach its own row only.
 */
export function ownPreferencesRow(manager: EntityManager): Promise<PreferencesRow | undefined> {
  return oneRowOf<PreferencesRow>(
    manager,
    `SELECT email_budget_alerts FROM users WHERE id = app_current_user_id()`,
  );
}

export async function setOwnBudgetAlertEmails(
  manager: EntityManager,
  enabled: boolean,
): Promise<void> {
  await execute(
    manager,
    `UPDATE users SET email_budget_alerts = $1 WHERE id = app_current_user_id()`,
    [enabled],
  );
}
