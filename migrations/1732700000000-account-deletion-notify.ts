import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every API instance keeps the recently deleted accounts in memory to refuse their access tokens
 * without a query per request (see docs/adr/0015-deleted-accounts-end-their-tokens.md). This
 * trigger tells them, whoever changes the row: `deleted <id>` on a soft delete or a removal,
 * `restored <id>` when `deleted_at` is cleared. Notifications are sent on commit only.
 */
export class AccountDeletionNotify1732700000000 implements MigrationInterface {
  name = 'AccountDeletionNotify1732700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION notify_account_deletion() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          PERFORM pg_notify('ledgerlens_account_deleted', 'deleted ' || OLD.id);
        ELSIF OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL THEN
          PERFORM pg_notify('ledgerlens_account_deleted', 'deleted ' || NEW.id);
        ELSIF OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL THEN
          PERFORM pg_notify('ledgerlens_account_deleted', 'restored ' || NEW.id);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "trg_users_deletion_notify" AFTER UPDATE OF "deleted_at" OR DELETE ON "users"
      FOR EACH ROW EXECUTE FUNCTION notify_account_deletion()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "trg_users_deletion_notify" ON "users"`);
    await queryRunner.query(`DROP FUNCTION notify_account_deletion()`);
  }
}
