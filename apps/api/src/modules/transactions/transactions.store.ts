import type { LedgerType } from '@ledgerlens/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { TransactionsTable } from '../../database/generated/db-tables';
import { CastColumns, Narrowed, oneRowOf } from '../../database/typed-rows';
import { defaultAccountIdSql } from '../accounts';
import { Transaction } from './transaction.entity';

/**
 * What a new transaction is given: its type already follows its category. Without an account it
 * goes to the user's oldest open account in its currency.
 */
export interface NewTransaction {
  accountId: string | undefined;
  categoryId: string | null;
  type: LedgerType;
  amountCents: number;
  currency: string;
  description: string;
  occurredOn: string;
  notes: string | null;
}

/** The columns a transaction is answered with, as the insert returns them. */
export type InsertedRow = Pick<
  Narrowed<TransactionsTable, { type: LedgerType }>,
  | 'id'
  | 'user_id'
  | 'account_id'
  | 'transfer_id'
  | 'category_id'
  | 'type'
  | 'amount_cents'
  | 'currency'
  | 'description'
  | 'notes'
  | 'created_at'
  | 'updated_at'
> &
  CastColumns<TransactionsTable, 'occurred_on', string>;

/** What an INSERT … RETURNING of `transactions` answers, to be read by `transactionOf`. */
export const RETURNED_COLUMNS = `id, user_id, account_id, transfer_id, category_id, type, amount_cents,
  currency, description, to_char(occurred_on, 'YYYY-MM-DD') AS occurred_on, notes, created_at,
  updated_at`;

export function transactionOf(manager: EntityManager, row: InsertedRow): Transaction {
  return manager.create(Transaction, {
    id: row.id,
    userId: row.user_id,
    accountId: row.account_id,
    transferId: row.transfer_id,
    categoryId: row.category_id,
    type: row.type,
    amountCents: Number(row.amount_cents),
    currency: row.currency,
    description: row.description,
    occurredOn: row.occurred_on,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

/** `transactions` in SQL, on the caller's transaction and user context. */
@Injectable()
export class TransactionsStore {
  /**
   * Inserts a transaction for the current user and answers it as stored: one statement, which
   * also picks its account — the one named, or the oldest open one in its currency — when that
   * account is live, open and in its currency. Answers undefined, inserting nothing, when there
   * is no such account: the caller finds out why, or makes the default account, and tries again.
   */
  async insert(manager: EntityManager, input: NewTransaction): Promise<Transaction | undefined> {
    const row = await oneRowOf<InsertedRow>(
      manager,
      `INSERT INTO transactions
         (account_id, category_id, type, amount_cents, currency, description, occurred_on, notes)
       SELECT a.id, $2::uuid, $3::varchar, $4::bigint, a.currency, $6::varchar, $7::date, $8::text
       FROM accounts a
       WHERE a.id = coalesce($1::uuid, ${defaultAccountIdSql('$5')})
         AND a.currency = $5::varchar AND NOT a.archived AND a.deleted_at IS NULL
       RETURNING ${RETURNED_COLUMNS}`,
      [
        input.accountId ?? null,
        input.categoryId,
        input.type,
        input.amountCents,
        input.currency,
        input.description,
        input.occurredOn,
        input.notes,
      ],
    );
    return row && transactionOf(manager, row);
  }
}
