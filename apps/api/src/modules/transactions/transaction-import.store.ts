import type { TransactionType } from '@ledgerlens/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { execute, rowsOf } from '../../database/typed-rows';

/** A line of an imported file, ready to store: its category already matched. */
export interface ImportedLine {
  /** The line's number in the file: how the caller tells duplicates apart. */
  line: number;
  occurredOn: string;
  amountCents: number;
  type: TransactionType;
  description: string;
  categoryId: string | null;
}

/** A line that repeats a stored transaction. Belongs to no table. */
interface RepeatedLine {
  line: number;
}

/** The lines as parallel arrays, for `unnest`: one parameter per column, however many lines. */
const columnsOf = (lines: readonly ImportedLine[]) => [
  lines.map((l) => l.line),
  lines.map((l) => l.occurredOn),
  lines.map((l) => l.amountCents),
  lines.map((l) => l.type),
  lines.map((l) => l.description),
  lines.map((l) => l.categoryId),
];

const LINES = `unnest($2::int[], $3::date[], $4::bigint[], $5::text[], $6::text[], $7::uuid[])
  AS l(line, occurred_on, amount_cents, type, description, category_id)`;

/**
 * Bulk import of transactions into one account, for the imports module, on the caller's
 * transaction: Row-Level Security and its user context apply. A few statements, whatever the
 * number of lines.
 */
@Injectable()
export class TransactionImportStore {
  /**
   * Holds the account's import lock until COMMIT: imports into one account run one after the
   * other, so each sees the other's lines when it looks for duplicates.
   */
  async lockAccount(manager: EntityManager, accountId: string): Promise<void> {
    await rowsOf(manager, `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      `transaction-import:${accountId}`,
    ]);
  }

  /**
   * The lines that repeat a live transaction of the account: same day, amount, type and
   * description. One statement, through `ix_transactions_account_occurred_on`.
   */
  async linesAlreadyStored(
    manager: EntityManager,
    accountId: string,
    lines: readonly ImportedLine[],
  ): Promise<number[]> {
    if (lines.length === 0) return [];
    const repeated = await rowsOf<RepeatedLine>(
      manager,
      `SELECT l.line
       FROM ${LINES}
       WHERE EXISTS (
         SELECT 1 FROM transactions t
         WHERE t.deleted_at IS NULL
           AND t.account_id = $1
           AND t.occurred_on = l.occurred_on
           AND t.amount_cents = l.amount_cents
           AND t.type = l.type
           AND t.description = l.description)
       ORDER BY l.line`,
      [accountId, ...columnsOf(lines)],
    );
    return repeated.map((row) => row.line);
  }

  /** Stores the lines in the account, in its currency, in file order: one statement. */
  async insertAll(
    manager: EntityManager,
    accountId: string,
    currency: string,
    lines: readonly ImportedLine[],
  ): Promise<number> {
    if (lines.length === 0) return 0;
    return execute(
      manager,
      `INSERT INTO transactions
         (account_id, currency, category_id, type, amount_cents, description, occurred_on)
       SELECT $1, $8, l.category_id, l.type, l.amount_cents, l.description, l.occurred_on
       FROM ${LINES}
       ORDER BY l.line`,
      [accountId, ...columnsOf(lines), currency],
    );
  }
}
