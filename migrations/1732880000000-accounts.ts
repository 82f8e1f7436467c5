import { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = `'checking', 'savings', 'credit_card', 'cash', 'loan'`;
const TYPES_BEFORE = `'expense', 'income'`;
const TYPES = `'expense', 'income', 'transfer_out', 'transfer_in', 'adjustment_out', 'adjustment_in'`;

/**
 * Accounts: every transaction and every recurring rule now belongs to one of the user's accounts
 * (checking, savings, credit card, cash, loan), in the account's currency — the foreign key on
 * `(account_id, currency)` makes a transaction's currency its account's.
 *
 * Transfers are two rows sharing a `transfer_id` (`transfer_out` on the paying account,
 * `transfer_in` on the receiving one): money moves, but neither row is income or spending, so the
 * summaries and budgets, which read `expense` and `income` rows only, leave them out. A
 * reconciliation books its difference as an `adjustment_in` or `adjustment_out`, neither income
 * nor spending either. Amounts stay positive: the type says which way the money went.
 *
 * Existing data moves into one default account per user and currency ("Main account", named with
 * its currency when the user has several); the backfill's updates are recorded in the row
 * history like any change, by no user.
 */
export class Accounts1732880000000 implements MigrationInterface {
  name = 'Accounts1732880000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "accounts" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL DEFAULT app_current_user_id(),
        "name" varchar(100) NOT NULL,
        "kind" varchar(16) NOT NULL,
        "currency" varchar(3) NOT NULL,
        "opening_balance_cents" bigint NOT NULL DEFAULT 0,
        "opening_date" date NOT NULL,
        "archived" boolean NOT NULL DEFAULT false,
        "last_reconciled_on" date,
        "reconciled_balance_cents" bigint,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "created_by" uuid,
        "updated_by" uuid,
        "deleted_at" timestamptz,
        "deleted_by" uuid,
        CONSTRAINT "pk_accounts" PRIMARY KEY ("id"),
        CONSTRAINT "uq_accounts_id_currency" UNIQUE ("id", "currency"),
        CONSTRAINT "chk_accounts_kind" CHECK ("kind" IN (${KINDS})),
        CONSTRAINT "chk_accounts_currency" CHECK ("currency" ~ '^[A-Z]{3}$'),
        CONSTRAINT "chk_accounts_reconciled" CHECK (
          ("last_reconciled_on" IS NULL) = ("reconciled_balance_cents" IS NULL)),
        CONSTRAINT "fk_accounts_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id")
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_accounts_user_name" ON "accounts" ("user_id", lower("name")) WHERE "deleted_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "trg_accounts_audit_columns" BEFORE INSERT OR UPDATE ON "accounts"
       FOR EACH ROW EXECUTE FUNCTION set_audit_columns()`,
    );
    await queryRunner.query(`
      CREATE CONSTRAINT TRIGGER "trg_accounts_audit_changes"
      AFTER INSERT OR UPDATE OR DELETE ON "accounts"
      DEFERRABLE INITIALLY DEFERRED
      FOR EACH ROW EXECUTE FUNCTION audit_record_change()`);
    await queryRunner.query(`ALTER TABLE "accounts" ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`
      CREATE POLICY "accounts_owner" ON "accounts" TO ledgerlens_app
      USING ("user_id" = app_current_user_id())
      WITH CHECK ("user_id" = app_current_user_id())`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON "accounts" TO ledgerlens_app`);

    // One default account per user and currency of what exists, opened on the first day used.
    await queryRunner.query(`
      WITH used AS (
        SELECT user_id, currency, occurred_on AS day FROM transactions
        UNION ALL
        SELECT user_id, currency, start_date FROM recurring_rules
      ), per_currency AS (
        SELECT user_id, currency, min(day) AS first_day,
               count(*) OVER (PARTITION BY user_id) AS currencies
        FROM used GROUP BY user_id, currency
      )
      INSERT INTO accounts (user_id, name, kind, currency, opening_date)
      SELECT user_id,
             CASE WHEN currencies = 1 THEN 'Main account' ELSE 'Main account (' || currency || ')' END,
             'checking', currency, first_day
      FROM per_currency`);

    for (const table of ['transactions', 'recurring_rules']) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "account_id" uuid`);
      await queryRunner.query(`
        UPDATE "${table}" AS row SET account_id = account.id
        FROM accounts AS account
        WHERE account.user_id = row.user_id AND account.currency = row.currency`);
      // The row history of the backfill is written now: a table with pending (deferred) trigger
      // events cannot be altered.
      await queryRunner.query(`SET CONSTRAINTS ALL IMMEDIATE`);
      await queryRunner.query(`ALTER TABLE "${table}" ALTER "account_id" SET NOT NULL`);
      await queryRunner.query(`
        ALTER TABLE "${table}" ADD CONSTRAINT "fk_${table}_account"
        FOREIGN KEY ("account_id", "currency") REFERENCES "accounts" ("id", "currency")`);
    }
    await queryRunner.query(
      `CREATE INDEX "ix_transactions_account_occurred_on" ON "transactions" ("account_id", "occurred_on")
       INCLUDE ("type", "amount_cents") WHERE "deleted_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_recurring_rules_account" ON "recurring_rules" ("account_id")`,
    );

    await queryRunner.query(`ALTER TABLE "transactions" ADD "transfer_id" uuid`);
    await queryRunner.query(`
      ALTER TABLE "transactions"
        DROP CONSTRAINT "chk_transactions_type",
        ADD CONSTRAINT "chk_transactions_type" CHECK ("type" IN (${TYPES})),
        ADD CONSTRAINT "chk_transactions_transfer" CHECK (
          ("type" IN ('transfer_out', 'transfer_in')) = ("transfer_id" IS NOT NULL)),
        ADD CONSTRAINT "chk_transactions_transfer_uncategorised" CHECK (
          "type" IN ('expense', 'income') OR "category_id" IS NULL)`);
    // One row of each side per live transfer.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_transactions_transfer_side" ON "transactions" ("transfer_id", "type")
       WHERE "transfer_id" IS NOT NULL AND "deleted_at" IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "transactions" WHERE "type" NOT IN (${TYPES_BEFORE})`);
    await queryRunner.query(`DROP INDEX "uq_transactions_transfer_side"`);
    await queryRunner.query(`
      ALTER TABLE "transactions"
        DROP CONSTRAINT "chk_transactions_transfer_uncategorised",
        DROP CONSTRAINT "chk_transactions_transfer",
        DROP CONSTRAINT "chk_transactions_type",
        ADD CONSTRAINT "chk_transactions_type" CHECK ("type" IN (${TYPES_BEFORE})),
        DROP COLUMN "transfer_id"`);
    for (const table of ['transactions', 'recurring_rules']) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "account_id"`);
    }
    await queryRunner.query(`REVOKE ALL ON "accounts" FROM ledgerlens_app`);
    await queryRunner.query(`DROP TABLE "accounts"`);
  }
}
