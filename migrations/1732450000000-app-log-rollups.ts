import { MigrationInterface, QueryRunner } from 'typeorm';
import { ENSURE_PARTITION_MOVING_DEFAULT_ROWS } from './1732400000000-app-logs';

/** How a log line counts toward the hourly rollups; the same in the trigger and a recount. */
const HOURLY_COUNTS_OF = (rows: string) => `
  SELECT date_trunc('hour', logged_at, 'UTC'), level, source, count(*)
  FROM ${rows} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
const HOURLY_ERRORS_OF = (rows: string) => `
  SELECT date_trunc('hour', logged_at, 'UTC'), source,
    coalesce(message_pattern, left(message, 500)), count(*), min(left(message, 500)),
    max(logged_at)
  FROM ${rows} WHERE level IN ('error', 'fatal') GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;

const DAY_ROWS = `(SELECT * FROM app_logs
  WHERE logged_at >= day_start AND logged_at < day_end) AS day_rows`;

/**
 * Faster reads of `app_logs` (see docs/adr/0007-stored-logs.md):
 * - no default partition: with one, PostgreSQL cannot read the day partitions in order for a
 *   newest-first page and merges all of them. A write for a day without a partition fails and
 *   the writer makes the day, then retries;
 * - hourly rollups kept by statement triggers (counts by level and source; error counts by
 *   message pattern; emptied with the table), so statistics over days read hundreds of rows
 *   instead of millions; retention recounts the days it removes rows from;
 * - `message_pattern`: an error's message with its parameters replaced, set by the writer.
 */
export class AppLogRollups1732450000000 implements MigrationInterface {
  name = 'AppLogRollups1732450000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Rows waiting in the default partition move to their days' partitions first.
    await queryRunner.query(
      `SELECT app_logs_ensure_partition(day) FROM (
         SELECT DISTINCT (logged_at AT TIME ZONE 'UTC')::date AS day FROM app_logs_default) days`,
    );
    await queryRunner.query(`DROP TABLE "app_logs_default"`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION app_logs_ensure_partition(day date) RETURNS boolean
      LANGUAGE plpgsql AS $$
      DECLARE
        partition_name text := format('app_logs_p%s', to_char(day, 'YYYYMMDD'));
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('app_logs_ensure_partition'));
        IF to_regclass(format('%I', partition_name)) IS NOT NULL THEN
          RETURN false;
        END IF;
        EXECUTE format('CREATE TABLE %I PARTITION OF app_logs FOR VALUES FROM (%L) TO (%L)',
          partition_name, day::timestamp AT TIME ZONE 'UTC',
          (day + 1)::timestamp AT TIME ZONE 'UTC');
        RETURN true;
      END
      $$`);

    await queryRunner.query(`ALTER TABLE "app_logs" ADD "message_pattern" text`);
    // Earlier errors get an approximation of the writer's pattern: UUIDs and numbers replaced.
    await queryRunner.query(`
      UPDATE app_logs SET message_pattern = regexp_replace(regexp_replace(left(message, 500),
        '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}', '<uuid>', 'g'),
        '\\d+(\\.\\d+)?', '<num>', 'g')
      WHERE level IN ('error', 'fatal')`);

    await queryRunner.query(`
      CREATE TABLE "app_log_hourly_counts" (
        "hour" timestamptz NOT NULL,
        "level" varchar(5) NOT NULL,
        "source" varchar(8) NOT NULL,
        "count" bigint NOT NULL,
        CONSTRAINT "pk_app_log_hourly_counts" PRIMARY KEY ("hour", "level", "source")
      )`);
    await queryRunner.query(`
      CREATE TABLE "app_log_hourly_errors" (
        "hour" timestamptz NOT NULL,
        "source" varchar(8) NOT NULL,
        "pattern" text NOT NULL,
        "count" bigint NOT NULL,
        "example" text NOT NULL,
        "last_seen" timestamptz NOT NULL,
        CONSTRAINT "pk_app_log_hourly_errors" PRIMARY KEY ("hour", "source", "pattern")
      )`);
    // Rows are added in key order, so concurrent batches lock rollup rows in the same order.
    await queryRunner.query(`
      CREATE FUNCTION app_logs_roll_up_inserted() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO app_log_hourly_counts AS c (hour, level, source, count)
        ${HOURLY_COUNTS_OF('inserted_rows')}
        ON CONFLICT (hour, level, source) DO UPDATE SET count = c.count + excluded.count;
        INSERT INTO app_log_hourly_errors AS e (hour, source, pattern, count, example, last_seen)
        ${HOURLY_ERRORS_OF('inserted_rows')}
        ON CONFLICT (hour, source, pattern) DO UPDATE SET count = e.count + excluded.count,
          example = least(e.example, excluded.example),
          last_seen = greatest(e.last_seen, excluded.last_seen);
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER app_logs_roll_up AFTER INSERT ON app_logs
      REFERENCING NEW TABLE AS inserted_rows
      FOR EACH STATEMENT EXECUTE FUNCTION app_logs_roll_up_inserted()`);
    await queryRunner.query(`
      CREATE FUNCTION app_logs_clear_roll_ups() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE app_log_hourly_counts, app_log_hourly_errors;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER app_logs_clear_roll_ups AFTER TRUNCATE ON app_logs
      FOR EACH STATEMENT EXECUTE FUNCTION app_logs_clear_roll_ups()`);
    // Retention calls this after removing rows of a day (dropping a partition fires no trigger).
    await queryRunner.query(`
      CREATE FUNCTION app_logs_recount_day(day date) RETURNS void
      LANGUAGE plpgsql AS $$
      DECLARE
        day_start timestamptz := day::timestamp AT TIME ZONE 'UTC';
        day_end timestamptz := (day + 1)::timestamp AT TIME ZONE 'UTC';
      BEGIN
        DELETE FROM app_log_hourly_counts WHERE hour >= day_start AND hour < day_end;
        DELETE FROM app_log_hourly_errors WHERE hour >= day_start AND hour < day_end;
        INSERT INTO app_log_hourly_counts ${HOURLY_COUNTS_OF(DAY_ROWS)};
        INSERT INTO app_log_hourly_errors ${HOURLY_ERRORS_OF(DAY_ROWS)};
      END
      $$`);
    await queryRunner.query(
      `SELECT app_logs_recount_day(day) FROM (
         SELECT DISTINCT (logged_at AT TIME ZONE 'UTC')::date AS day FROM app_logs) days`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION app_logs_recount_day(date)`);
    await queryRunner.query(`DROP TRIGGER app_logs_clear_roll_ups ON app_logs`);
    await queryRunner.query(`DROP FUNCTION app_logs_clear_roll_ups()`);
    await queryRunner.query(`DROP TRIGGER app_logs_roll_up ON app_logs`);
    await queryRunner.query(`DROP FUNCTION app_logs_roll_up_inserted()`);
    await queryRunner.query(`DROP TABLE "app_log_hourly_errors"`);
    await queryRunner.query(`DROP TABLE "app_log_hourly_counts"`);
    await queryRunner.query(`ALTER TABLE "app_logs" DROP COLUMN "message_pattern"`);
    await queryRunner.query(`CREATE TABLE "app_logs_default" PARTITION OF "app_logs" DEFAULT`);
    await queryRunner.query(ENSURE_PARTITION_MOVING_DEFAULT_ROWS);
  }
}
