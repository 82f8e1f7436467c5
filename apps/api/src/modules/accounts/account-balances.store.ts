import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { AccountsTable } from '../../database/generated/db-tables';
import { rowsOf } from '../../database/typed-rows';

interface BalanceRow extends Pick<AccountsTable, 'id'> {
  /** The day, `YYYY-MM-DD`. */
  as_of: string;
  /** Exact, as text: a sum can pass 2^53. */
  balance_cents: string;
}

/** An account's balance at the end of a day. */
export interface Balance {
  asOf: string;
  cents: bigint;
}

/** What each type of row does to its account's balance: money out lowers it, money in raises it. */
export const BALANCE_EFFECT = `
  CASE WHEN t.type IN ('expense', 'transfer_out', 'adjustment_out') THEN -t.amount_cents
       ELSE t.amount_cents END`;

/** The current user's "today": the day in their time zone. */
const USER_TODAY = `(SELECT (now() AT TIME ZONE own.time_zone)::date FROM users own
                     WHERE own.id = app_current_user_id())`;

/** Account balances in SQL, under the caller's transaction and user context. */
@Injectable()
export class AccountBalancesStore {
  /**
   * The balance of each account at the end of `asOf` (default: the user's today): its opening
   * balance once opened, plus every live row booked up to that day. One query for any number of
   * accounts, read from `ix_transactions_account_occurred_on`.
   */
  async balances(
    manager: EntityManager,
    accountIds: readonly string[],
    asOf?: string,
  ): Promise<Map<string, Balance>> {
    if (accountIds.length === 0) return new Map();
    const rows = await rowsOf<BalanceRow>(
      manager,
      `WITH day AS (SELECT coalesce($2::date, ${USER_TODAY}) AS as_of)
       SELECT a.id, to_char(day.as_of, 'YYYY-MM-DD') AS as_of,
              (CASE WHEN a.opening_date <= day.as_of THEN a.opening_balance_cents ELSE 0 END
               + coalesce((SELECT sum(${BALANCE_EFFECT}) FROM transactions t
                           WHERE t.account_id = a.id AND t.deleted_at IS NULL
                             AND t.occurred_on <= day.as_of), 0))::text AS balance_cents
       FROM accounts a CROSS JOIN day
       WHERE a.id = ANY($1::uuid[])`,
      [accountIds, asOf ?? null],
    );
    return new Map(
      rows.map((row) => [row.id, { asOf: row.as_of, cents: BigInt(row.balance_cents) }]),
    );
  }
}
