import type { TransactionType } from '@ledgerlens/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { TransactionsTable } from '../../database/generated/db-tables';
import { CastColumns, Narrowed, oneRowOf } from '../../database/typed-rows';
import { Transaction } from './transaction.entity';

/** What a new transaction is given: its type already follows its category. */
export interface NewTransaction {
  categoryId: string | null;
  type: TransactionType;
  amountCents: number;
  currency: string;
  description: string;
  occurredOn: string;
  notes: string | null;
}

/** The columns a transaction is answered with, as the insert returns them. */
type InsertedRow = Pick<
  Narrowed<TransactionsTable, { type: TransactionType }>,
  | 'id'
  | 'user_id'
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

function transactionOf(manager: EntityManager, row: InsertedRow): Transaction {
  return manager.create(Transaction, {
    id: row.id,
    userId: row.user_id,
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
  /** Inserts a transaction for the current user and answers it as stored: one statement. */
  async insert(manager: EntityManager, input: NewTransaction): Promise<Transaction> {
    const row = await oneRowOf<InsertedRow>(
      manager,
      `INSERT INTO transactions
         (category_id, type, amount_cents, currency, description, occurred_on, notes)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       RETURNING id, user_id, category_id, type, amount_cents, currency, description,
                 to_char(occurred_on, 'YYYY-MM-DD') AS occurred_on, notes, created_at, updated_at`,
      [
        input.categoryId,
        input.type,
        input.amountCents,
        input.currency,
        input.description,
        input.occurredOn,
        input.notes,
      ],
    );
    if (!row) throw new Error('INSERT … RETURNING answered no row');
    return transactionOf(manager, row);
  }
}
