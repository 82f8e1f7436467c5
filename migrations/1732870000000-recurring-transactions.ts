import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['recurring_rules', 'recurring_occurrences'] as const;

/**
 * Recurring transactions: a user's rules (what to book, how often, from when, until when) and
 * each rule's occurrences as they are handled — created (with the transaction booked for it) or
 * skipped by the user.
 *
 * `uq_recurring_occurrences_rule_day` is what makes an occurrence happen once: the job books
 * an occurrence's transaction and its occurrence row in one database transaction, so a second
 * attempt for the same day — another instance, a rerun after downtime — cannot commit.
 * `next_due_on` is the first occurrence the job has not handled yet (NULL once a rule has
 * ended), so a run reads only what is due. Both tables are user-owned: Row-Level Security, the
 * audit-column trigger and the row history, as the other finance tables.
 */
export class RecurringTransactions1732870000000 implements MigrationInterface {
  name = 'RecurringTransactions1732870000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const auditColumns = `
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "created_by" uuid,
        "updated_by" uuid,
        "deleted_at" timestamptz,
        "deleted_by" uuid`;

    await queryRunner.query(`
      CREATE TABLE "recurring_rules" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL DEFAULT app_current_user_id(),
        "name" varchar(100) NOT NULL,
        "description" varchar(255),
        "category_id" uuid,
        "type" varchar(16) NOT NULL,
        "amount_cents" bigint NOT NULL,
        "currency" varchar(3) NOT NULL,
        "frequency" varchar(16) NOT NULL,
        "interval_count" integer NOT NULL DEFAULT 1,
        "day_of_month" smallint,
        "last_day_of_month" boolean NOT NULL DEFAULT false,
        "start_date" date NOT NULL,
        "end_date" date,
        "occurrence_count" integer,
        "paused" boolean NOT NULL DEFAULT false,
        "next_due_on" date,
        ${auditColumns},
        CONSTRAINT "pk_recurring_rules" PRIMARY KEY ("id"),
        CONSTRAINT "chk_recurring_rules_type" CHECK ("type" IN ('expense', 'income')),
        CONSTRAINT "chk_recurring_rules_amount_positive" CHECK ("amount_cents" > 0),
        CONSTRAINT "chk_recurring_rules_currency" CHECK ("currency" ~ '^[A-Z]{3}$'),
        CONSTRAINT "chk_recurring_rules_frequency"
          CHECK ("frequency" IN ('daily', 'weekly', 'monthly', 'yearly')),
        CONSTRAINT "chk_recurring_rules_interval" CHECK ("interval_count" BETWEEN 1 AND 999),
        CONSTRAINT "chk_recurring_rules_day_of_month" CHECK ("day_of_month" BETWEEN 1 AND 28),
        CONSTRAINT "chk_recurring_rules_monthly_day" CHECK (
          ("frequency" = 'monthly') = ("day_of_month" IS NOT NULL OR "last_day_of_month")
          AND NOT ("day_of_month" IS NOT NULL AND "last_day_of_month")),
        CONSTRAINT "chk_recurring_rules_end" CHECK (
          ("end_date" IS NULL OR "end_date" >= "start_date")
          AND ("occurrence_count" IS NULL OR "occurrence_count" >= 1)
          AND NOT ("end_date" IS NOT NULL AND "occurrence_count" IS NOT NULL)),
        CONSTRAINT "fk_recurring_rules_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id"),
        CONSTRAINT "fk_recurring_rules_category" FOREIGN KEY ("category_id") REFERENCES "categories" ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_recurring_rules_user_created" ON "recurring_rules" ("user_id", "created_at") WHERE "deleted_at" IS NULL`,
    );
    // The job's look-up across users: live, running rules by the day they are next due.
    await queryRunner.query(
      `CREATE INDEX "ix_recurring_rules_due" ON "recurring_rules" ("next_due_on")
       WHERE "deleted_at" IS NULL AND NOT "paused" AND "next_due_on" IS NOT NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE "recurring_occurrences" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL DEFAULT app_current_user_id(),
        "rule_id" uuid NOT NULL,
        "occurs_on" date NOT NULL,
        "status" varchar(16) NOT NULL,
        "transaction_id" uuid,
        ${auditColumns},
        CONSTRAINT "pk_recurring_occurrences" PRIMARY KEY ("id"),
        CONSTRAINT "uq_recurring_occurrences_rule_day" UNIQUE ("rule_id", "occurs_on"),
        CONSTRAINT "chk_recurring_occurrences_status" CHECK ("status" IN ('created', 'skipped')),
        CONSTRAINT "chk_recurring_occurrences_transaction"
          CHECK (("status" = 'created') = ("transaction_id" IS NOT NULL)),
        CONSTRAINT "fk_recurring_occurrences_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id"),
        CONSTRAINT "fk_recurring_occurrences_rule" FOREIGN KEY ("rule_id") REFERENCES "recurring_rules" ("id"),
        CONSTRAINT "fk_recurring_occurrences_transaction" FOREIGN KEY ("transaction_id") REFERENCES "transactions" ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_recurring_occurrences_transaction" ON "recurring_occurrences" ("transaction_id")`,
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
