import { TransactionType } from '@ledgerlens/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { TransactionsTable } from '../../database/generated/db-tables';
import { Narrowed, rowsOf } from '../../database/typed-rows';

/** The sum of one type of transactions in one currency and category (or none). */
export interface CategorySum extends Pick<
  Narrowed<TransactionsTable, { type: TransactionType }>,
  'type' | 'currency' | 'category_id'
> {
  /** A numeric sum, exact as text (it can pass 2^53), and answered as such. */
  cents: string;
  count: number;
}

/** `transactions` summed for the summary. */
@Injectable()
export class TransactionSummaryStore {
  /**
   * Sums of the current user's live income and expenses (transfers and adjustments are
   * neither) on days `from` to `to` (both included) by type,
   * currency and category, added up by PostgreSQL (under Row-Level Security) so a busy month
   * costs one query, not a page per 100 rows.
   */
  sumsByCategory(manager: EntityManager, from: string, to: string): Promise<CategorySum[]> {
    return rowsOf<CategorySum>(
      manager,
      `SELECT type, currency, category_id, sum(amount_cents)::text AS cents, count(*)::int AS count
       FROM transactions
       WHERE deleted_at IS NULL AND occurred_on BETWEEN $1 AND $2
         AND type IN ('expense', 'income')
       GROUP BY type, currency, category_id`,
      [from, to],
    );
  }
}
