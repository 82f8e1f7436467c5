import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * In-app notifications of a user (first kind: a budget crossing one of its thresholds) and the
 * user's email preference for them.
 *
 * A notification is written once per cause: its `data.dedupeKey` (e.g. the budget, period and
 * threshold) is unique per user and kind, so a crossing announced twice inserts nothing the
 * second time. Users read and mark their own notifications under Row-Level Security; the
 * application role may change `read_at` and nothing else, and may not delete.
 *
 * The application role gets a narrow view of `users` as well, under RLS: its own row's `id` and
 * `email_budget_alerts`, and the right to change that preference. Email addresses and password
 * hashes stay out of its reach.
 */
export class UserNotifications1732810000000 implements MigrationInterface {
  name = 'UserNotifications1732810000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "users" ADD "email_budget_alerts" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(`ALTER TABLE "users" ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`
      CREATE POLICY "users_self" ON "users" TO ledgerlens_app
      USING ("id" = app_current_user_id())
      WITH CHECK ("id" = app_current_user_id())`);
    await queryRunner.query(
      `GRANT SELECT ("id", "email_budget_alerts"), UPDATE ("email_budget_alerts") ON "users" TO ledgerlens_app`,
    );

    await queryRunner.query(`
      CREATE TABLE "user_notifications" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL DEFAULT app_current_user_id(),
        "kind" varchar(32) NOT NULL,
        "title" varchar(200) NOT NULL,
        "body" text NOT NULL,
        "link" varchar(500),
        "data" jsonb NOT NULL DEFAULT '{}',
        "read_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_user_notifications" PRIMARY KEY ("id"),
        CONSTRAINT "chk_user_notifications_kind" CHECK ("kind" IN ('budget_threshold')),
        CONSTRAINT "chk_user_notifications_link" CHECK ("link" ~ '^/([^/\\\\]|$)'),
        CONSTRAINT "fk_user_notifications_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_user_notifications_user_created" ON "user_notifications" ("user_id", "created_at" DESC)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_user_notifications_dedupe" ON "user_notifications" ("user_id", "kind", ("data" ->> 'dedupeKey'))`,
    );

    await queryRunner.query(`ALTER TABLE "user_notifications" ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`
      CREATE POLICY "user_notifications_owner" ON "user_notifications" TO ledgerlens_app
      USING ("user_id" = app_current_user_id())
      WITH CHECK ("user_id" = app_current_user_id())`);
    await queryRunner.query(`GRANT SELECT, INSERT ON "user_notifications" TO ledgerlens_app`);
    await queryRunner.query(`GRANT UPDATE ("read_at") ON "user_notifications" TO ledgerlens_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`REVOKE ALL ON "user_notifications" FROM ledgerlens_app`);
    await queryRunner.query(`DROP TABLE "user_notifications"`);
    await queryRunner.query(
      `REVOKE SELECT ("id", "email_budget_alerts"), UPDATE ("email_budget_alerts") ON "users" FROM ledgerlens_app`,
    );
    await queryRunner.query(`DROP POLICY "users_self" ON "users"`);
    await queryRunner.query(`ALTER TABLE "users" DISABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "email_budget_alerts"`);
  }
}
