import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Users, auth tokens, and the finance tables with their Row-Level Security.
 *
 * User-facing queries run as `ledgerlens_app`: a role that owns nothing, cannot bypass RLS and
 * may not DELETE (deletes are soft). Audit columns are filled by one trigger from the
 * transaction's `app.current_user_id`, so no service sets them by hand.
 */
export class InitialSchema1732200000000 implements MigrationInterface {
  name = 'InitialSchema1732200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ledgerlens_app') THEN
          CREATE ROLE ledgerlens_app NOLOGIN NOSUPERUSER NOINHERIT NOBYPASSRLS;
        END IF;
      END $$`);
    await queryRunner.query(`GRANT ledgerlens_app TO CURRENT_USER`);
    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO ledgerlens_app`);

    await queryRunner.query(`
      CREATE FUNCTION app_current_user_id() RETURNS uuid
      LANGUAGE sql STABLE AS $$
        SELECT nullif(current_setting('app.current_user_id', true), '')::uuid
      $$`);

    await queryRunner.query(`
      CREATE FUNCTION set_audit_columns() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          NEW.created_at := now();
          NEW.created_by := app_current_user_id();
          NEW.updated_at := NEW.created_at;
          NEW.updated_by := NEW.created_by;
          NEW.deleted_by := CASE WHEN NEW.deleted_at IS NULL THEN NULL ELSE NEW.created_by END;
        ELSE
          NEW.created_at := OLD.created_at;
          NEW.created_by := OLD.created_by;
          NEW.updated_at := now();
          NEW.updated_by := app_current_user_id();
          IF NEW.deleted_at IS NULL THEN
            NEW.deleted_by := NULL;
          ELSIF OLD.deleted_at IS NULL THEN
            NEW.deleted_by := app_current_user_id();
          ELSE
            NEW.deleted_at := OLD.deleted_at;
            NEW.deleted_by := OLD.deleted_by;
          END IF;
        END IF;
        RETURN NEW;
      END
      $$`);

    const auditColumns = `
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "created_by" uuid,
        "updated_by" uuid,
        "deleted_at" timestamptz,
        "deleted_by" uuid`;

    await queryRunner.query(`
      CREATE TABLE "users" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "email" varchar(254) NOT NULL,
        "password_hash" varchar(255) NOT NULL,
        "display_name" varchar(100) NOT NULL,
        "role" varchar(16) NOT NULL DEFAULT 'user',
        ${auditColumns},
        CONSTRAINT "pk_users" PRIMARY KEY ("id"),
        CONSTRAINT "chk_users_role" CHECK ("role" IN ('user', 'admin'))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_users_email" ON "users" (lower("email"))`);

    await queryRunner.query(`
      CREATE TABLE "refresh_tokens" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "family_id" uuid NOT NULL,
        "token_hash" varchar(64) NOT NULL,
        "expires_at" timestamptz NOT NULL,
        "used_at" timestamptz,
        "revoked_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_refresh_tokens" PRIMARY KEY ("id"),
        CONSTRAINT "uq_refresh_tokens_token_hash" UNIQUE ("token_hash"),
        CONSTRAINT "fk_refresh_tokens_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_refresh_tokens_family" ON "refresh_tokens" ("family_id")`,
    );

    await queryRunner.query(`
      CREATE TABLE "revoked_tokens" (
        "jti" uuid NOT NULL,
        "expires_at" timestamptz NOT NULL,
        "revoked_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_revoked_tokens" PRIMARY KEY ("jti")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_revoked_tokens_expires_at" ON "revoked_tokens" ("expires_at")`,
    );

    await queryRunner.query(`
      CREATE TABLE "categories" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL DEFAULT app_current_user_id(),
        "name" varchar(60) NOT NULL,
        "kind" varchar(16) NOT NULL,
        "color" varchar(7) NOT NULL DEFAULT '#64748b',
        ${auditColumns},
        CONSTRAINT "pk_categories" PRIMARY KEY ("id"),
        CONSTRAINT "chk_categories_kind" CHECK ("kind" IN ('expense', 'income')),
        CONSTRAINT "chk_categories_color" CHECK ("color" ~ '^#[0-9a-fA-F]{6}$'),
        CONSTRAINT "fk_categories_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id")
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_categories_user_name" ON "categories" ("user_id", lower("name")) WHERE "deleted_at" IS NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE "transactions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL DEFAULT app_current_user_id(),
        "category_id" uuid,
        "type" varchar(16) NOT NULL,
        "amount_cents" bigint NOT NULL,
        "currency" varchar(3) NOT NULL,
        "description" varchar(255) NOT NULL,
        "occurred_on" date NOT NULL,
        "notes" text,
        ${auditColumns},
        CONSTRAINT "pk_transactions" PRIMARY KEY ("id"),
        CONSTRAINT "chk_transactions_type" CHECK ("type" IN ('expense', 'income')),
        CONSTRAINT "chk_transactions_amount_positive" CHECK ("amount_cents" > 0),
        CONSTRAINT "chk_transactions_currency" CHECK ("currency" ~ '^[A-Z]{3}$'),
        CONSTRAINT "fk_transactions_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id"),
        CONSTRAINT "fk_transactions_category" FOREIGN KEY ("category_id") REFERENCES "categories" ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_transactions_user_occurred_on" ON "transactions" ("user_id", "occurred_on" DESC) WHERE "deleted_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_transactions_category" ON "transactions" ("category_id")`,
    );

    await queryRunner.query(`
      CREATE TABLE "budgets" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL DEFAULT app_current_user_id(),
        "category_id" uuid,
        "period" varchar(16) NOT NULL,
        "limit_cents" bigint NOT NULL,
        "currency" varchar(3) NOT NULL,
        "start_date" date NOT NULL,
        "alert_thresholds" integer array NOT NULL DEFAULT '{80,100}',
        ${auditColumns},
        CONSTRAINT "pk_budgets" PRIMARY KEY ("id"),
        CONSTRAINT "chk_budgets_period" CHECK ("period" IN ('weekly', 'monthly', 'yearly')),
        CONSTRAINT "chk_budgets_limit_positive" CHECK ("limit_cents" > 0),
        CONSTRAINT "chk_budgets_currency" CHECK ("currency" ~ '^[A-Z]{3}$'),
        CONSTRAINT "fk_budgets_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id"),
        CONSTRAINT "fk_budgets_category" FOREIGN KEY ("category_id") REFERENCES "categories" ("id")
      )`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX "uq_budgets_user_category_period" ON "budgets"
        ("user_id", coalesce("category_id", '00000000-0000-0000-0000-000000000000'::uuid), "period", "currency")
        WHERE "deleted_at" IS NULL`);

    await queryRunner.query(`
      CREATE TABLE "budget_alerts" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL DEFAULT app_current_user_id(),
        "budget_id" uuid NOT NULL,
        "period_start" date NOT NULL,
        "threshold_percent" integer NOT NULL,
        "spent_cents" bigint NOT NULL,
        "limit_cents" bigint NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_budget_alerts" PRIMARY KEY ("id"),
        CONSTRAINT "uq_budget_alerts_crossing" UNIQUE ("budget_id", "period_start", "threshold_percent"),
        CONSTRAINT "fk_budget_alerts_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id"),
        CONSTRAINT "fk_budget_alerts_budget" FOREIGN KEY ("budget_id") REFERENCES "budgets" ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_budget_alerts_user_created" ON "budget_alerts" ("user_id", "created_at" DESC)`,
    );

    for (const table of ['users', 'categories', 'transactions', 'budgets']) {
      await queryRunner.query(
        `CREATE TRIGGER "trg_${table}_audit_columns" BEFORE INSERT OR UPDATE ON "${table}"
         FOR EACH ROW EXECUTE FUNCTION set_audit_columns()`,
      );
    }

    for (const table of ['categories', 'transactions', 'budgets', 'budget_alerts']) {
      await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`
        CREATE POLICY "${table}_owner" ON "${table}" TO ledgerlens_app
        USING ("user_id" = app_current_user_id())
        WITH CHECK ("user_id" = app_current_user_id())`);
    }
    await queryRunner.query(
      `GRANT SELECT, INSERT, UPDATE ON "categories", "transactions", "budgets" TO ledgerlens_app`,
    );
    await queryRunner.query(`GRANT SELECT, INSERT ON "budget_alerts" TO ledgerlens_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `REVOKE ALL ON "categories", "transactions", "budgets", "budget_alerts" FROM ledgerlens_app`,
    );
    for (const table of [
      'budget_alerts',
      'budgets',
      'transactions',
      'categories',
      'revoked_tokens',
      'refresh_tokens',
      'users',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION set_audit_columns()`);
    await queryRunner.query(`DROP FUNCTION app_current_user_id()`);
    await queryRunner.query(`REVOKE USAGE ON SCHEMA public FROM ledgerlens_app`);
  }
}
