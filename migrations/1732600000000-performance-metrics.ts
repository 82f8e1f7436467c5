import { MigrationInterface, QueryRunner } from 'typeorm';

/** LATENCY_BUCKET_COUNT of libs/contracts: a row's bucket counts, one per fixed bucket. */
const BUCKETS = 62;

/**
 * Request and query timing (see docs/adr/0010-mergeable-latency-histograms.md):
 *
 * - `performance_metrics`: per series, instance and period, the count, 4xx, 5xx, sum, maximum
 *   and the counts of the fixed log-scale latency buckets. Instances add minute rows ('1m');
 *   rollups recompute '5m', '1h' and '1d' rows (instance '*': every instance) from the next
 *   finer rows, upserting on the unique key, so running one again never double-counts.
 * - `slow_requests`, `slow_queries`: each request at or over SLOW_REQUEST_MS and each query at
 *   or over SLOW_QUERY_MS, with its trace ID (to find its logs), user and duration.
 *
 * Admin-only system tables: the application role has no rights on them, and no RLS.
 */
export class PerformanceMetrics1732600000000 implements MigrationInterface {
  name = 'PerformanceMetrics1732600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "performance_metrics" (
        "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "metric_type" varchar(16) NOT NULL,
        "metric_name" varchar(512) NOT NULL,
        "instance" varchar(128) NOT NULL,
        "aggregation_period" varchar(3) NOT NULL,
        "period_start" timestamptz NOT NULL,
        "period_end" timestamptz NOT NULL,
        "value" double precision NOT NULL,
        "unit" varchar(8) NOT NULL DEFAULT 'ms',
        "count" bigint NOT NULL,
        "count_4xx" bigint NOT NULL DEFAULT 0,
        "count_5xx" bigint NOT NULL DEFAULT 0,
        "sum_us" bigint NOT NULL,
        "max_us" bigint NOT NULL,
        "buckets" bigint[] NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_performance_metrics" PRIMARY KEY ("id"),
        CONSTRAINT "uq_performance_metrics_series"
          UNIQUE ("aggregation_period", "metric_type", "metric_name", "instance", "period_start"),
        CONSTRAINT "chk_performance_metrics_type"
          CHECK ("metric_type" IN ('http_request', 'db_query')),
        CONSTRAINT "chk_performance_metrics_period"
          CHECK ("aggregation_period" IN ('1m', '5m', '1h', '1d')),
        CONSTRAINT "chk_performance_metrics_range" CHECK ("period_end" > "period_start"),
        CONSTRAINT "chk_performance_metrics_counts"
          CHECK ("count" >= 0 AND "count_4xx" + "count_5xx" <= "count"),
        CONSTRAINT "chk_performance_metrics_buckets" CHECK (cardinality("buckets") = ${BUCKETS})
      )`);
    // Series of every name over a range, retention by age, and the rollups' search for rows
    // changed since their last run.
    await queryRunner.query(
      `CREATE INDEX "idx_performance_metrics_period_start" ON "performance_metrics" ("aggregation_period", "period_start")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_performance_metrics_updated_at" ON "performance_metrics" ("aggregation_period", "updated_at")`,
    );

    await queryRunner.query(`
      CREATE TABLE "slow_requests" (
        "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "started_at" timestamptz NOT NULL,
        "trace_id" varchar(128),
        "user_id" uuid,
        "method" varchar(10) NOT NULL,
        "route" varchar(512) NOT NULL,
        "status_code" smallint NOT NULL,
        "duration_ms" double precision NOT NULL,
        "instance" varchar(128) NOT NULL,
        CONSTRAINT "pk_slow_requests" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "slow_queries" (
        "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "started_at" timestamptz NOT NULL,
        "trace_id" varchar(128),
        "user_id" uuid,
        "route" varchar(512),
        "kind" varchar(12) NOT NULL,
        "statement" text NOT NULL,
        "params" jsonb,
        "duration_ms" double precision NOT NULL,
        "instance" varchar(128) NOT NULL,
        CONSTRAINT "pk_slow_queries" PRIMARY KEY ("id")
      )`);
    // Newest first and slowest first, each with the ID as tie-breaker; trace lookups.
    for (const table of ['slow_requests', 'slow_queries']) {
      await queryRunner.query(
        `CREATE INDEX "idx_${table}_started_at" ON "${table}" ("started_at", "id")`,
      );
      await queryRunner.query(
        `CREATE INDEX "idx_${table}_duration" ON "${table}" ("duration_ms", "id")`,
      );
      await queryRunner.query(`CREATE INDEX "idx_${table}_trace" ON "${table}" ("trace_id")`);
    }
    await queryRunner.query(
      `CREATE INDEX "idx_slow_requests_route" ON "slow_requests" ("route", "started_at")`,
    );
    for (const table of ['performance_metrics', 'slow_requests', 'slow_queries']) {
      await queryRunner.query(`REVOKE ALL ON "${table}" FROM PUBLIC, ledgerlens_app`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "slow_queries"`);
    await queryRunner.query(`DROP TABLE "slow_requests"`);
    await queryRunner.query(`DROP TABLE "performance_metrics"`);
  }
}
