import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exception tracking (see docs/adr/0009-exception-grouping.md):
 *
 * - `exception_groups`: one row per fingerprint with its status and exact totals. Occurrences
 *   upsert it (`ON CONFLICT (fingerprint) DO UPDATE`), so concurrent occurrences never race.
 * - `exception_counts`: exact occurrences per group and minute (rolled up to hours once old);
 *   every occurrence counts here, sampled or not, so charts and flood sampling read exact numbers.
 * - `exception_group_users`: the distinct users a group affected (its size is the exact count).
 * - `app_exceptions`: the stored occurrences (stack, trace ID, request, redacted context); beyond
 *   EXCEPTION_SAMPLE_PER_MINUTE per group and minute only the counters grow.
 *
 * System tables read by admins only: no Row-Level Security, no grants to the application role.
 */
export class Exceptions1732500000000 implements MigrationInterface {
  name = 'Exceptions1732500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "exception_groups" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "fingerprint" varchar(64) NOT NULL,
        "title" varchar(600) NOT NULL,
        "type" varchar(255) NOT NULL,
        "culprit" varchar(600),
        "level" varchar(5) NOT NULL DEFAULT 'error',
        "source" varchar(8) NOT NULL,
        "status" varchar(10) NOT NULL DEFAULT 'unresolved',
        "regressed" boolean NOT NULL DEFAULT false,
        "regressed_at" timestamptz,
        "count_at_regression" bigint,
        "count" bigint NOT NULL,
        "first_seen" timestamptz NOT NULL,
        "last_seen" timestamptz NOT NULL,
        "resolution_notes" text,
        "resolved_by" uuid,
        "resolved_at" timestamptz,
        "ignored_until" timestamptz,
        "ignore_until_count" bigint,
        "count_at_ignore" bigint,
        "status_changed_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_exception_groups" PRIMARY KEY ("id"),
        CONSTRAINT "uq_exception_groups_fingerprint" UNIQUE ("fingerprint"),
        CONSTRAINT "chk_exception_groups_level" CHECK ("level" IN ('error', 'fatal')),
        CONSTRAINT "chk_exception_groups_source" CHECK ("source" IN ('backend', 'frontend')),
        CONSTRAINT "chk_exception_groups_status"
          CHECK ("status" IN ('unresolved', 'resolved', 'ignored')),
        CONSTRAINT "chk_exception_groups_count" CHECK ("count" > 0),
        CONSTRAINT "chk_exception_groups_ignore_count" CHECK ("ignore_until_count" > 0)
      )`);
    // List sorts (each ends with id for a stable order) and filters.
    for (const [name, columns] of [
      ['idx_exception_groups_last_seen', '"last_seen" DESC, "id"'],
      ['idx_exception_groups_first_seen', '"first_seen" DESC, "id"'],
      ['idx_exception_groups_count', '"count" DESC, "id"'],
      ['idx_exception_groups_status', '"status", "last_seen" DESC, "id"'],
      ['idx_exception_groups_type', '"type", "last_seen" DESC'],
      ['idx_exception_groups_source', '"source", "last_seen" DESC'],
    ]) {
      await queryRunner.query(`CREATE INDEX "${name}" ON "exception_groups" (${columns})`);
    }
    await queryRunner.query(
      `CREATE INDEX "idx_exception_groups_ignored_until" ON "exception_groups" ("ignored_until")
       WHERE "status" = 'ignored' AND "ignored_until" IS NOT NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE "exception_counts" (
        "group_id" uuid NOT NULL,
        "bucket_start" timestamptz NOT NULL,
        "count" bigint NOT NULL,
        CONSTRAINT "pk_exception_counts" PRIMARY KEY ("group_id", "bucket_start"),
        CONSTRAINT "fk_exception_counts_group" FOREIGN KEY ("group_id")
          REFERENCES "exception_groups" ("id") ON DELETE CASCADE,
        CONSTRAINT "chk_exception_counts_count" CHECK ("count" > 0)
      )`);
    await queryRunner.query(
      `CREATE INDEX "idx_exception_counts_bucket" ON "exception_counts" ("bucket_start", "group_id")`,
    );

    await queryRunner.query(`
      CREATE TABLE "exception_group_users" (
        "group_id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        CONSTRAINT "pk_exception_group_users" PRIMARY KEY ("group_id", "user_id"),
        CONSTRAINT "fk_exception_group_users_group" FOREIGN KEY ("group_id")
          REFERENCES "exception_groups" ("id") ON DELETE CASCADE
      )`);

    await queryRunner.query(`
      CREATE TABLE "app_exceptions" (
        "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "group_id" uuid NOT NULL,
        "occurred_at" timestamptz NOT NULL,
        "level" varchar(5) NOT NULL,
        "type" varchar(255) NOT NULL,
        "message" text NOT NULL,
        "stack" text,
        "source" varchar(8) NOT NULL,
        "trace_id" varchar(128),
        "user_id" uuid,
        "request_method" varchar(10),
        "request_path" varchar(2048),
        "release" varchar(64),
        "context" jsonb NOT NULL DEFAULT '{}',
        CONSTRAINT "pk_app_exceptions" PRIMARY KEY ("id"),
        CONSTRAINT "fk_app_exceptions_group" FOREIGN KEY ("group_id")
          REFERENCES "exception_groups" ("id") ON DELETE CASCADE,
        CONSTRAINT "chk_app_exceptions_level" CHECK ("level" IN ('error', 'fatal')),
        CONSTRAINT "chk_app_exceptions_source" CHECK ("source" IN ('backend', 'frontend'))
      )`);
    for (const [name, columns] of [
      ['idx_app_exceptions_group', '"group_id", "occurred_at" DESC, "id" DESC'],
      ['idx_app_exceptions_occurred_at', '"occurred_at"'],
      ['idx_app_exceptions_trace', '"trace_id"'],
    ]) {
      await queryRunner.query(`CREATE INDEX "${name}" ON "app_exceptions" (${columns})`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "app_exceptions"`);
    await queryRunner.query(`DROP TABLE "exception_group_users"`);
    await queryRunner.query(`DROP TABLE "exception_counts"`);
    await queryRunner.query(`DROP TABLE "exception_groups"`);
  }
}
