import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A user's preferences beyond notifications (issue 20): default currency, time zone (budget
 * periods and "this month" follow it), first day of the week (ISO: 1 Monday … 7 Sunday) and the
 * locales numbers and dates are formatted in. Defaults keep today's behaviour: UTC, weeks from
 * Monday. The application role reads and changes these columns of its own row only (the
 * `users_self` policy); the audit-column and row-history triggers of `users` cover them.
 */
export class UserPreferences1732860000000 implements MigrationInterface {
  name = 'UserPreferences1732860000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "users"
        ADD "default_currency" varchar(3) NOT NULL DEFAULT 'EUR',
        ADD "time_zone" varchar(64) NOT NULL DEFAULT 'UTC',
        ADD "first_day_of_week" smallint NOT NULL DEFAULT 1,
        ADD "number_format" varchar(8) NOT NULL DEFAULT 'en-US',
        ADD "date_format" varchar(8) NOT NULL DEFAULT 'en-US',
        ADD CONSTRAINT "chk_users_default_currency" CHECK ("default_currency" ~ '^[A-Z]{3}$'),
        ADD CONSTRAINT "chk_users_first_day_of_week" CHECK ("first_day_of_week" BETWEEN 1 AND 7),
        ADD CONSTRAINT "chk_users_number_format"
          CHECK ("number_format" IN ('en-US', 'en-GB', 'de-DE', 'fr-FR', 'de-CH', 'en-IN', 'ja-JP')),
        ADD CONSTRAINT "chk_users_date_format"
          CHECK ("date_format" IN ('en-US', 'en-GB', 'de-DE', 'fr-FR', 'de-CH', 'en-IN', 'ja-JP'))`);
    await queryRunner.query(`
      GRANT SELECT ("default_currency", "time_zone", "first_day_of_week", "number_format", "date_format"),
            UPDATE ("default_currency", "time_zone", "first_day_of_week", "number_format", "date_format")
      ON "users" TO ledgerlens_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      REVOKE SELECT ("default_currency", "time_zone", "first_day_of_week", "number_format", "date_format"),
             UPDATE ("default_currency", "time_zone", "first_day_of_week", "number_format", "date_format")
      ON "users" FROM ledgerlens_app`);
    await queryRunner.query(`
      ALTER TABLE "users"
        DROP CONSTRAINT "chk_users_date_format",
        DROP CONSTRAINT "chk_users_number_format",
        DROP CONSTRAINT "chk_users_first_day_of_week",
        DROP CONSTRAINT "chk_users_default_currency",
        DROP COLUMN "date_format",
        DROP COLUMN "number_format",
        DROP COLUMN "first_day_of_week",
        DROP COLUMN "time_zone",
        DROP COLUMN "default_currency"`);
  }
}
