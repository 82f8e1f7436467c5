import { MigrationInterface, QueryRunner } from 'typeorm';

const AUDIT_COLUMNS = `
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "created_by" uuid,
        "updated_by" uuid,
        "deleted_at" timestamptz,
        "deleted_by" uuid`;

/** Admin-made tables with row history, and the columns that never enter it. */
const AUDITED: Record<string, readonly string[]> = {
  alert_configs: [],
  notification_channels: ['secret'],
  alert_silences: [],
};

/**
 * Alerting (see docs/adr/0016-alerting.md and docs/alerting.md):
 *
 * - `alert_configs` (rules), `notification_channels` (contact points) and `alert_silences`:
 *   made by admins, with audit columns, soft deletes and row history (a contact point's secret
 *   is left out of it).
 * - `alert_rule_runs`: when each rule is next evaluated and how its last evaluation went.
 * - `alert_instances`: each rule's instances (one per group-by value) and their state.
 * - `alert_history`: every state change of an instance, append-only.
 * - `alert_groups`: each rule's notification group (Alertmanager's aggregation group and
 *   notification log): when it flushes next, what receivers were last told.
 * - `alert_notifications`: every delivery to every recipient, with its attempts; pending rows
 *   are the retry queue, so deliveries survive a restart.
 *
 * Admin-only system tables: the application role has no rights on them, and no RLS.
 */
export class Alerting1732800000000 implements MigrationInterface {
  name = 'Alerting1732800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "notification_channels" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" varchar(120) NOT NULL,
        "type" varchar(8) NOT NULL,
        "settings" jsonb NOT NULL,
        "secret" text,
        "disabled_at" timestamptz,
        "disabled_reason" varchar(500),
        ${AUDIT_COLUMNS},
        CONSTRAINT "pk_notification_channels" PRIMARY KEY ("id"),
        CONSTRAINT "chk_notification_channels_type" CHECK ("type" IN ('email', 'webhook', 'sms'))
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_notification_channels_name" ON "notification_channels" (lower("name")) WHERE "deleted_at" IS NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE "alert_configs" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" varchar(120) NOT NULL,
        "description" varchar(2000) NOT NULL DEFAULT '',
        "severity" varchar(8) NOT NULL,
        "labels" jsonb NOT NULL DEFAULT '{}',
        "annotations" jsonb NOT NULL DEFAULT '{}',
        "enabled" boolean NOT NULL DEFAULT true,
        "metric_type" varchar(32) NOT NULL,
        "filters" jsonb NOT NULL DEFAULT '{}',
        "group_by" varchar(8),
        "condition_operator" varchar(2) NOT NULL,
        "threshold_value" double precision NOT NULL,
        "window_seconds" integer NOT NULL,
        "interval_seconds" integer NOT NULL DEFAULT 60,
        "pending_seconds" integer NOT NULL DEFAULT 0,
        "keep_firing_seconds" integer NOT NULL DEFAULT 0,
        "no_data_state" varchar(8) NOT NULL DEFAULT 'normal',
        "contact_point_ids" uuid[] NOT NULL DEFAULT '{}',
        "group_wait_seconds" integer NOT NULL DEFAULT 30,
        "group_interval_seconds" integer NOT NULL DEFAULT 300,
        "repeat_interval_seconds" integer NOT NULL DEFAULT 14400,
        "send_resolved" boolean NOT NULL DEFAULT true,
        ${AUDIT_COLUMNS},
        CONSTRAINT "pk_alert_configs" PRIMARY KEY ("id"),
        CONSTRAINT "chk_alert_configs_severity" CHECK ("severity" IN ('info', 'warning', 'critical')),
        CONSTRAINT "chk_alert_configs_metric" CHECK ("metric_type" IN ('p50_latency_ms',
          'p95_latency_ms', 'p99_latency_ms', 'error_rate', 'request_rate', 'slow_request_count',
          'slow_query_count', 'exception_count', 'new_exception_group', 'log_count')),
        CONSTRAINT "chk_alert_configs_group_by" CHECK ("group_by" IN ('route', 'module', 'source')),
        CONSTRAINT "chk_alert_configs_operator"
          CHECK ("condition_operator" IN ('>', '>=', '<', '<=', '==', '!=')),
        CONSTRAINT "chk_alert_configs_no_data"
          CHECK ("no_data_state" IN ('normal', 'alerting', 'nodata')),
        CONSTRAINT "chk_alert_configs_interval" CHECK ("interval_seconds" BETWEEN 10 AND 3600),
        CONSTRAINT "chk_alert_configs_window"
          CHECK ("window_seconds" >= "interval_seconds" AND "window_seconds" <= 86400),
        CONSTRAINT "chk_alert_configs_periods" CHECK ("pending_seconds" >= 0
          AND "keep_firing_seconds" >= 0 AND "group_wait_seconds" >= 0
          AND "group_interval_seconds" > 0 AND "repeat_interval_seconds" > 0)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_alert_configs_name" ON "alert_configs" (lower("name")) WHERE "deleted_at" IS NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE "alert_silences" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "rule_id" uuid,
        "matchers" jsonb NOT NULL DEFAULT '[]',
        "starts_at" timestamptz NOT NULL,
        "ends_at" timestamptz NOT NULL,
        "comment" varchar(1000) NOT NULL,
        "author" varchar(254) NOT NULL,
        ${AUDIT_COLUMNS},
        CONSTRAINT "pk_alert_silences" PRIMARY KEY ("id"),
        CONSTRAINT "fk_alert_silences_rule" FOREIGN KEY ("rule_id") REFERENCES "alert_configs" ("id"),
        CONSTRAINT "chk_alert_silences_range" CHECK ("ends_at" > "starts_at")
      )`);
    await queryRunner.query(
      `CREATE INDEX "idx_alert_silences_ends_at" ON "alert_silences" ("ends_at")`,
    );

    for (const [table, hidden] of Object.entries(AUDITED)) {
      await queryRunner.query(
        `CREATE TRIGGER "trg_${table}_audit_columns" BEFORE INSERT OR UPDATE ON "${table}"
         FOR EACH ROW EXECUTE FUNCTION set_audit_columns()`,
      );
      const args = hidden.map((column) => `'${column}'`).join(', ');
      await queryRunner.query(`
        CREATE CONSTRAINT TRIGGER "trg_${table}_audit_changes"
        AFTER INSERT OR UPDATE OR DELETE ON "${table}"
        DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW EXECUTE FUNCTION audit_record_change(${args})`);
    }

    await queryRunner.query(`
      CREATE TABLE "alert_rule_runs" (
        "rule_id" uuid NOT NULL,
        "next_evaluation_at" timestamptz NOT NULL,
        "last_evaluated_at" timestamptz,
        "last_error" text,
        CONSTRAINT "pk_alert_rule_runs" PRIMARY KEY ("rule_id"),
        CONSTRAINT "fk_alert_rule_runs_rule" FOREIGN KEY ("rule_id") REFERENCES "alert_configs" ("id")
      )`);

    await queryRunner.query(`
      CREATE TABLE "alert_instances" (
        "rule_id" uuid NOT NULL,
        "instance_key" varchar(600) NOT NULL,
        "labels" jsonb NOT NULL DEFAULT '{}',
        "state" varchar(10) NOT NULL,
        "value" double precision,
        "active_since" timestamptz,
        "firing_since" timestamptz,
        "last_active_at" timestamptz,
        "error" text,
        "history_id" bigint,
        "evaluated_at" timestamptz NOT NULL,
        CONSTRAINT "pk_alert_instances" PRIMARY KEY ("rule_id", "instance_key"),
        CONSTRAINT "fk_alert_instances_rule" FOREIGN KEY ("rule_id") REFERENCES "alert_configs" ("id"),
        CONSTRAINT "chk_alert_instances_state" CHECK ("state" IN ('normal', 'pending', 'firing',
          'recovering', 'nodata', 'error'))
      )`);

    await queryRunner.query(`
      CREATE TABLE "alert_history" (
        "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "rule_id" uuid NOT NULL,
        "instance_key" varchar(600) NOT NULL,
        "labels" jsonb NOT NULL DEFAULT '{}',
        "from_state" varchar(10) NOT NULL,
        "to_state" varchar(10) NOT NULL,
        "value" double precision,
        "threshold" double precision NOT NULL,
        "error" text,
        "trace_id" varchar(64),
        "occurred_at" timestamptz NOT NULL,
        CONSTRAINT "pk_alert_history" PRIMARY KEY ("id"),
        CONSTRAINT "fk_alert_history_rule" FOREIGN KEY ("rule_id") REFERENCES "alert_configs" ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "idx_alert_history_rule" ON "alert_history" ("rule_id", "occurred_at" DESC, "id" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_alert_history_occurred_at" ON "alert_history" ("occurred_at" DESC, "id" DESC)`,
    );
    await queryRunner.query(`
      CREATE TRIGGER "trg_alert_history_append_only" BEFORE UPDATE OR DELETE ON "alert_history"
      FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()`);

    await queryRunner.query(`
      CREATE TABLE "alert_groups" (
        "rule_id" uuid NOT NULL,
        "started_at" timestamptz,
        "next_flush_at" timestamptz,
        "last_sent_at" timestamptz,
        "notified" text[] NOT NULL DEFAULT '{}',
        "muted" text[] NOT NULL DEFAULT '{}',
        CONSTRAINT "pk_alert_groups" PRIMARY KEY ("rule_id"),
        CONSTRAINT "fk_alert_groups_rule" FOREIGN KEY ("rule_id") REFERENCES "alert_configs" ("id")
      )`);

    await queryRunner.query(`
      CREATE TABLE "alert_notifications" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "rule_id" uuid,
        "channel_id" uuid NOT NULL,
        "channel_type" varchar(8) NOT NULL,
        "recipient" varchar(1000) NOT NULL,
        "kind" varchar(8) NOT NULL,
        "history_ids" bigint[] NOT NULL DEFAULT '{}',
        "message" jsonb NOT NULL,
        "status" varchar(8) NOT NULL DEFAULT 'pending',
        "attempts" smallint NOT NULL DEFAULT 0,
        "next_attempt_at" timestamptz,
        "response_code" integer,
        "last_error" varchar(1000),
        "sent_at" timestamptz,
        "trace_id" varchar(64),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_alert_notifications" PRIMARY KEY ("id"),
        CONSTRAINT "fk_alert_notifications_rule" FOREIGN KEY ("rule_id") REFERENCES "alert_configs" ("id"),
        CONSTRAINT "fk_alert_notifications_channel" FOREIGN KEY ("channel_id")
          REFERENCES "notification_channels" ("id"),
        CONSTRAINT "chk_alert_notifications_status"
          CHECK ("status" IN ('pending', 'sent', 'failed', 'silenced')),
        CONSTRAINT "chk_alert_notifications_kind" CHECK ("kind" IN ('firing', 'resolved', 'test')),
        CONSTRAINT "chk_alert_notifications_sent" CHECK (("status" = 'sent') = ("sent_at" IS NOT NULL))
      )`);
    // The retry queue, and a rule's (or a history entry's) deliveries newest first.
    await queryRunner.query(
      `CREATE INDEX "idx_alert_notifications_due" ON "alert_notifications" ("next_attempt_at") WHERE "status" = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_alert_notifications_rule" ON "alert_notifications" ("rule_id", "created_at" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_alert_notifications_history" ON "alert_notifications" USING gin ("history_ids")`,
    );

    for (const table of [
      ...Object.keys(AUDITED),
      'alert_rule_runs',
      'alert_instances',
      'alert_history',
      'alert_groups',
      'alert_notifications',
    ]) {
      await queryRunner.query(`REVOKE ALL ON "${table}" FROM PUBLIC, ledgerlens_app`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'alert_notifications',
      'alert_groups',
      'alert_history',
      'alert_instances',
      'alert_rule_runs',
      'alert_silences',
      'alert_configs',
      'notification_channels',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
