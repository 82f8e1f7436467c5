import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Logout and refresh-token reuse end a whole sign-in, every access token of it, so revocations
 * are kept by the sign-in's family id rather than by one token's `jti`. Rows written before (jtis,
 * which match no family) are left to expire with their tokens.
 */
export class RevokeSignIns1732710000000 implements MigrationInterface {
  name = 'RevokeSignIns1732710000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "revoked_tokens" RENAME COLUMN "jti" TO "family_id"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "revoked_tokens"`);
    await queryRunner.query(`ALTER TABLE "revoked_tokens" RENAME COLUMN "family_id" TO "jti"`);
  }
}
