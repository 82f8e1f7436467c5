import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['savings_goals', 'savings_goal_contributions'] as const;

/**
 * Savings goals: an amount to save, optionally by a date, either linked to one of the user's
 * accounts (progress is that account's balance) or fed by manual contributions (progress is
 * their sum; a withdrawal is a negative contribution). The foreign key on
 * `(account_id, currency)` keeps a linked goal in its account's currency. `reached_on` is the
 * day the goal was first seen reached. Both tables are user-owned: Row-Level Security, the
 * audit-column trigger and the row history, as the other finance tables.
 */
export class SavingsGoals1732890000000 implements MigrationInterface {
  name = 'SavingsGoals1732890000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const auditColumns = `
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "created_by" uuid,
        "updated_by" uuid,
        "deleted_at" timestamptz,
        "deleted_by" uuid`;

    await queryRunner.query(`
      CREATE TABLE "savings_goals" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL DEFAULT app_current_user_id(),
        "name" varchar(100) NOT NULL,
        "target_cents" bigint NOT NULL,
        "currency" varchar(3) NOT NULL,
        "target_date" date,
        "account_id" uuid,
        "reached_on" date,
        ${auditColumns},
        CONSTRAINT "pk_savings_goals" PRIMARY KEY ("id"),
        CONSTRAINT "chk_savings_goals_target_positive" CHECK ("target_cents" > 0),
        CONSTRAINT "chk_savings_goals_currency" CHECK ("currency" ~ '^[A-Z]{3}$'),
        CONSTRAINT "fk_savings_goals_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id"),
        CONSTRAINT "fk_savings_goals_account" FOREIGN KEY ("account_id", "currency")
          REFERENCES "accounts" ("id", "currency")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_savings_goals_user_created" ON "savings_goals" ("user_id", "created_at") WHERE "deleted_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_savings_goals_account" ON "savings_goals" ("account_id") WHERE "account_id" IS NOT NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE "savings_goal_contributions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL DEFAULT app_current_user_id(),
        "goal_id" uuid NOT NULL,
        "amount_cents" bigint NOT NULL,
        "contributed_on" date NOT NULL,
        "note" varchar(255),
        ${auditColumns},
        CONSTRAINT "pk_savings_goal_contributions" PRIMARY KEY ("id"),
        CONSTRAINT "chk_savings_goal_contributions_amount_non_zero" CHECK ("amount_cents" <> 0),
        CONSTRAINT "fk_savings_goal_contributions_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id"),
        CONSTRAINT "fk_savings_goal_contributions_goal" FOREIGN KEY ("goal_id") REFERENCES "savings_goals" ("id")
      )`);
    // A goal's progress: its live contributions, up to a day.
    await queryRunner.query(
      `CREATE INDEX "ix_savings_goal_contributions_goal_day" ON "savings_goal_contributions" ("goal_id", "contributed_on") WHERE "deleted_at" IS NULL`,
    );

    for (const table of TABLES) {
      await queryRunner.query(
        `CREATE TRIGGER "trg_${table}_audit_columns" BEFORE INSERT OR UPDATE ON "${table}"
         FOR EACH ROW EXECUTE FUNCTION set_audit_columns()`,
      );
      await queryRunner.query(`
        CREATE CONSTRAINT TRIGGER "trg_${table}_audit_changes"
        AFTER INSERT OR UPDATE OR DELETE ON "${table}"
        DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW EXECUTE FUNCTION audit_record_change()`);
      await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`
        CREATE POLICY "${table}_owner" ON "${table}" TO ledgerlens_app
        USING ("user_id" = app_current_user_id())
        WITH CHECK ("user_id" = app_current_user_id())`);
      await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON "${table}" TO ledgerlens_app`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) {
      await queryRunner.query(`REVOKE ALL ON "${table}" FROM ledgerlens_app`);
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
