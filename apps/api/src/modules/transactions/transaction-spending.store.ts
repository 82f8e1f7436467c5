import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { rowsOf } from '../../database/typed-rows';

/**
 * What counts as spending for one caller's purpose (a budget's current period): the live expense
 * transactions in one currency, of one category or of all, on days from `from` up to, not
 * including, `until`.
 */
export interface SpendingScope {
  /** The caller's name for the scope (a budget's ID); the answer is keyed by it. */
  key: string;
  /** null: every category, and transactions without one. */
  categoryId: string | null;
  currency: string;
  /** First day, `YYYY-MM-DD`. */
  from: string;
  /** The day after the last one, `YYYY-MM-DD`. */
  until: string;
}

/** A scope's spending: a sum, exact as text (it can pass 2^53). Belongs to no table. */
interface ScopeSpending {
  key: string;
  spent_cents: string;
}

/** Every scope, passed as one jsonb array, summed in one statement. */
const SPENDING_SQL = `
  SELECT s.key,
         coalesce((
           SELECT sum(t.amount_cents)
           FROM transactions t
           WHERE t.deleted_at IS NULL
             AND t.type = 'expense'
             AND t.currency = s.currency
             AND (s.category_id IS NULL OR t.category_id = s.category_id)
             AND t.occurred_on >= s.from_day
             AND t.occurred_on < s.until_day
         ), 0)::text AS spent_cents
  FROM jsonb_to_recordset($1::jsonb)
       AS s(key text, category_id uuid, currency text, from_day date, until_day date)`;

/**
 * Spending read from `transactions` for other modules (budgets), so that they need not know the
 * table. Runs on the caller's transaction: Row-Level Security and its user context apply, and
 * only that user's transactions count.
 */
@Injectable()
export class TransactionSpendingStore {
  /** What was spent in each scope, by the scope's key: one statement for all, none for none. */
  async spentIn(
    manager: EntityManager,
    scopes: readonly SpendingScope[],
  ): Promise<Map<string, string>> {
    if (scopes.length === 0) return new Map();
    const rows = await rowsOf<ScopeSpending>(manager, SPENDING_SQL, [
      JSON.stringify(
        scopes.map(({ key, categoryId, currency, from, until }) => ({
          key,
          category_id: categoryId,
          currency,
          from_day: from,
          until_day: until,
        })),
      ),
    ]);
    return new Map(rows.map((row) => [row.key, row.spent_cents]));
  }
}
