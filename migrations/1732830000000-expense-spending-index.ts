import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A budget's spending sums one user's live expenses in one currency over one period. This index
 * answers that from the period's entries alone, whatever the size of the user's history, and
 * without visiting the table when its pages are all-visible (the amount and category are
 * included). A category budget filters the period's entries by category in the index.
 */
export class ExpenseSpendingIndex1732830000000 implements MigrationInterface {
  name = 'ExpenseSpendingIndex1732830000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_transactions_expense_spending" ON "transactions"
         ("user_id", "currency", "occurred_on") INCLUDE ("category_id", "amount_cents")
         WHERE "deleted_at" IS NULL AND "type" = 'expense'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_transactions_expense_spending"`);
  }
}
