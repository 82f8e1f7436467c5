import { MigrationInterface, QueryRunner } from 'typeorm';

/** Day partitions made by the migration itself, around the day it runs; a job keeps ahead. */
const INITIAL_PARTITIONS = { daysBack: 1, daysAhead: 7 };

/** Makes a day's partition, moving that day's rows out of the default partition first. */
export const ENSURE_PARTITION_MOVING_DEFAULT_ROWS = `
CREATE OR REPLACE FUNCTION app_logs_ensure_partition(day date) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
  partition_name text := format('app_logs_p%s', to_char(day, 'YYYYMMDD'));
  lower_bound timestamptz := day::timestamp AT TIME ZONE 'UTC';
  upper_bound timestamptz := (day + 1)::timestamp AT TIME ZONE 'UTC';
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('app_logs_ensure_partition'));
  IF to_regclass(format('%I', partition_name)) IS NOT NULL THEN
    RETURN false;
  END IF;
  -- Rows for this day that reached the default partition move into the new one.
  LOCK TABLE app_logs_default IN SHARE ROW EXCLUSIVE MODE;
  EXECUTE format('CREATE TABLE %I (LIKE app_logs INCLUDING DEFAULTS INCLUDING CONSTRAINTS)',
    partition_name);
  EXECUTE format(
    'WITH moved AS (DELETE FROM app_logs_default WHERE logged_at >= $1 AND logged_at < $2
       RETURNING *)
     INSERT INTO %I SELECT * FROM moved', partition_name)
    USING lower_bound, upper_bound;
  EXECUTE format('ALTER TABLE app_logs ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)',
    partition_name, lower_bound, upper_bound);
  RETURN true;
END
$$`;

/**
 * Stored logs (`app_logs`), range-partitioned by UTC day so retention drops whole days, and
 * `archive_runs`, the record of each retention run. See docs/adr/0007-stored-logs.md.
 *
 * `app_logs_ensure_partition(day)` creates one day's partition; rows that arrived in the
 * default partition before it existed are moved into it first, so it can always attach.
 */
export class AppLogs1732400000000 implements MigrationInterface {
  name = 'AppLogs1732400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "app_logs_id_seq" AS bigint`);
    await queryRunner.query(`
      CREATE TABLE "app_logs" (
        "id" bigint NOT NULL DEFAULT nextval('app_logs_id_seq'),
        "logged_at" timestamptz NOT NULL,
        "level" varchar(5) NOT NULL,
        "severity_number" smallint NOT NULL,
        "source" varchar(8) NOT NULL,
        "module" varchar(128),
        "message" text NOT NULL,
        "trace_id" varchar(128),
        "user_id" uuid,
        "request_method" varchar(10),
        "request_path" varchar(2048),
        "status_code" smallint,
        "duration_ms" integer,
        "extra_data" jsonb NOT NULL DEFAULT '{}',
        "client_id" uuid,
        CONSTRAINT "pk_app_logs" PRIMARY KEY ("logged_at", "id"),
        CONSTRAINT "uq_app_logs_client" UNIQUE ("client_id", "logged_at"),
        CONSTRAINT "chk_app_logs_level"
          CHECK ("level" IN ('trace', 'debug', 'info', 'warn', 'error', 'fatal')),
        CONSTRAINT "chk_app_logs_source" CHECK ("source" IN ('backend', 'frontend'))
      ) PARTITION BY RANGE ("logged_at")`);
    await queryRunner.query(`ALTER SEQUENCE "app_logs_id_seq" OWNED BY "app_logs"."id"`);
    await queryRunner.query(`CREATE TABLE "app_logs_default" PARTITION OF "app_logs" DEFAULT`);
    // Filtered pages read newest first by (logged_at, id): each filter's index ends with both.
    for (const [name, columns] of [
      ['idx_app_logs_id', '"id"'],
      ['idx_app_logs_level', '"level", "logged_at", "id"'],
      ['idx_app_logs_source', '"source", "logged_at", "id"'],
      ['idx_app_logs_trace', '"trace_id"'],
      ['idx_app_logs_user', '"user_id", "logged_at", "id"'],
      ['idx_app_logs_module', '"module", "logged_at", "id"'],
      ['idx_app_logs_request_path', '"request_path", "logged_at", "id"'],
    ]) {
      await queryRunner.query(`CREATE INDEX "${name}" ON "app_logs" (${columns})`);
    }
    await queryRunner.query(
      `CREATE INDEX "idx_app_logs_extra_data" ON "app_logs" USING gin ("extra_data" jsonb_path_ops)`,
    );

    await queryRunner.query(ENSURE_PARTITION_MOVING_DEFAULT_ROWS);
    await queryRunner.query(
      `SELECT app_logs_ensure_partition(day::date)
       FROM generate_series(
         (now() AT TIME ZONE 'UTC')::date - $1::int,
         (now() AT TIME ZONE 'UTC')::date + $2::int,
         interval '1 day') AS day`,
      [INITIAL_PARTITIONS.daysBack, INITIAL_PARTITIONS.daysAhead],
    );

    await queryRunner.query(`
      CREATE TABLE "archive_runs" (
        "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "trigger" varchar(10) NOT NULL,
        "requested_by" uuid,
        "status" varchar(10) NOT NULL DEFAULT 'running',
        "started_at" timestamptz NOT NULL DEFAULT now(),
        "finished_at" timestamptz,
        "partitions_dropped" integer NOT NULL DEFAULT 0,
        "rows_archived" bigint NOT NULL DEFAULT 0,
        "files" jsonb NOT NULL DEFAULT '[]',
        "error" text,
        CONSTRAINT "pk_archive_runs" PRIMARY KEY ("id"),
        CONSTRAINT "chk_archive_runs_trigger" CHECK ("trigger" IN ('schedule', 'manual')),
        CONSTRAINT "chk_archive_runs_status" CHECK ("status" IN ('running', 'succeeded', 'failed'))
      )`);
    await queryRunner.query(
      `CREATE INDEX "idx_archive_runs_started_at" ON "archive_runs" ("started_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "archive_runs"`);
    await queryRunner.query(`DROP FUNCTION app_logs_ensure_partition(date)`);
    await queryRunner.query(`DROP TABLE "app_logs"`);
  }
}
