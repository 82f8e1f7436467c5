import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { execute, oneRowOf } from '../../database/typed-rows';

/** `accounts` in SQL, on the caller's transaction and user context. */
@Injectable()
export class AccountsStore {
  /** Whether anything live uses account `id`: an entry, a recurring rule, a savings goal. */
  async inUse(manager: EntityManager, id: string): Promise<boolean> {
    const row = await oneRowOf<{ used: boolean }>(
      manager,
      `SELECT EXISTS (SELECT 1 FROM transactions WHERE account_id = $1 AND deleted_at IS NULL)
           OR EXISTS (SELECT 1 FROM recurring_rules WHERE account_id = $1 AND deleted_at IS NULL)
           OR EXISTS (SELECT 1 FROM savings_goals WHERE account_id = $1 AND deleted_at IS NULL)
           AS used`,
      [id],
    );
    return row?.used ?? false;
  }

  /**
   * Opens the user's default account in `currency`, opened today in their time zone: "Main
   * account", or "Main account (USD)" beside other accounts. Does nothing when the name is taken
   * (another request opened it first).
   */
  async insertDefault(manager: EntityManager, currency: string): Promise<void> {
    await execute(
      manager,
      `INSERT INTO accounts (name, kind, currency, opening_date)
       SELECT CASE WHEN EXISTS (SELECT 1 FROM accounts WHERE deleted_at IS NULL)
                   THEN 'Main account (' || $1 || ')' ELSE 'Main account' END,
              'checking', $1, (now() AT TIME ZONE own.time_zone)::date
       FROM users own WHERE own.id = app_current_user_id()
       ON CONFLICT (user_id, lower(name)) WHERE deleted_at IS NULL DO NOTHING`,
      [currency],
    );
  }

  /** The current user's today, in their time zone (`YYYY-MM-DD`). */
  async userToday(manager: EntityManager): Promise<string> {
    const row = await oneRowOf<{ today: string }>(
      manager,
      `SELECT to_char((now() AT TIME ZONE time_zone)::date, 'YYYY-MM-DD') AS today
       FROM users WHERE id = app_current_user_id()`,
    );
    if (!row) throw new Error('No user context to tell today by');
    return row.today;
  }
}
