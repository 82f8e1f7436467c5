import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables whose every row change is recorded, with the columns that never enter the record. */
export const AUDITED_TABLES: Record<string, readonly string[]> = {
  users: ['password_hash'],
  categories: [],
  transactions: [],
  budgets: [],
};

/** The hash the chain starts from, before any change is recorded. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Audit trail: `audit_changes` (row history written by a trigger, hash-chained) and
 * `audit_events` (the action log). Both are append-only at the database: the application role
 * has no grant on them and triggers refuse UPDATE, DELETE and TRUNCATE even to their owner.
 *
 * The capture trigger is a deferred constraint trigger: it runs at commit, when the transaction
 * holds every other lock it will take, and only then locks the single chain head row. Writers
 * therefore queue on the head in commit order (no fork of the chain) and cannot deadlock on it.
 * See docs/adr/0005-audit-hash-chain.md.
 */
export class AuditTrail1732300000000 implements MigrationInterface {
  name = 'AuditTrail1732300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await queryRunner.query(`
      CREATE FUNCTION audit_refuse_change() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);

    await queryRunner.query(`
      CREATE TABLE "audit_changes" (
        "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "table_name" varchar(63) NOT NULL,
        "row_id" varchar(64) NOT NULL,
        "action" varchar(6) NOT NULL,
        "old_data" jsonb,
        "new_data" jsonb,
        "changed_columns" text array NOT NULL,
        "user_id" uuid,
        "trace_id" varchar(64),
        "changed_at" timestamptz NOT NULL,
        "hash" char(64) NOT NULL,
        CONSTRAINT "pk_audit_changes" PRIMARY KEY ("id"),
        CONSTRAINT "chk_audit_changes_action" CHECK ("action" IN ('INSERT', 'UPDATE', 'DELETE'))
      )`);
    await queryRunner.query(
      `CREATE INDEX "idx_audit_changes_row" ON "audit_changes" ("table_name", "row_id", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_audit_changes_user" ON "audit_changes" ("user_id", "changed_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_audit_changes_changed_at" ON "audit_changes" ("changed_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_audit_changes_trace" ON "audit_changes" ("trace_id")`,
    );

    await queryRunner.query(`
      CREATE TABLE "audit_chain_head" (
        "singleton" boolean NOT NULL DEFAULT true,
        "last_change_id" bigint,
        "last_hash" char(64) NOT NULL,
        CONSTRAINT "pk_audit_chain_head" PRIMARY KEY ("singleton"),
        CONSTRAINT "chk_audit_chain_head_singleton" CHECK ("singleton")
      )`);
    await queryRunner.query(`INSERT INTO "audit_chain_head" ("last_hash") VALUES ($1)`, [
      GENESIS_HASH,
    ]);

    // The canonical text a hash covers: every stored column but the id, the previous hash first,
    // the time at the microsecond precision PostgreSQL stores. AuditVerifier rebuilds it.
    await queryRunner.query(`
      CREATE FUNCTION audit_change_hash(
        prev_hash text, table_name text, row_id text, action text, old_data jsonb, new_data jsonb,
        changed_columns text[], user_id uuid, trace_id text, changed_at timestamptz
      ) RETURNS text
      LANGUAGE sql IMMUTABLE AS $$
        SELECT encode(sha256(convert_to(concat_ws(E'\\x1f',
          prev_hash, table_name, row_id, action,
          coalesce(old_data::text, ''), coalesce(new_data::text, ''),
          array_to_string(changed_columns, ','),
          coalesce(user_id::text, ''), coalesce(trace_id, ''),
          to_char(changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
        ), 'UTF8')), 'hex')
      $$`);

    await queryRunner.query(`
      CREATE FUNCTION audit_record_change() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        old_row jsonb;
        new_row jsonb;
        changed text[];
        row_key text;
        prev text;
        at timestamptz := clock_timestamp();
        actor uuid := app_current_user_id();
        trace text := nullif(current_setting('app.trace_id', true), '');
        digest text;
        inserted_id bigint;
      BEGIN
        -- TG_ARGV: the columns never recorded (NULL when the trigger has no arguments).
        IF TG_OP <> 'INSERT' THEN old_row := to_jsonb(OLD) - coalesce(TG_ARGV, '{}'); END IF;
        IF TG_OP <> 'DELETE' THEN new_row := to_jsonb(NEW) - coalesce(TG_ARGV, '{}'); END IF;

        IF TG_OP = 'UPDATE' THEN
          SELECT coalesce(array_agg(n.key ORDER BY n.key), '{}') INTO changed
            FROM jsonb_each(new_row) n
            WHERE n.value IS DISTINCT FROM old_row -> n.key;
          -- Bookkeeping columns alone changing is a no-op update: nothing to record.
          IF changed <@ ARRAY['updated_at', 'updated_by'] THEN RETURN NULL; END IF;
        ELSE
          SELECT array_agg(k ORDER BY k) INTO changed
            FROM jsonb_object_keys(coalesce(new_row, old_row)) k;
        END IF;
        row_key := coalesce(new_row, old_row) ->> 'id';

        SELECT last_hash INTO prev FROM audit_chain_head FOR UPDATE;
        digest := audit_change_hash(prev, TG_TABLE_NAME, row_key, TG_OP, old_row, new_row,
                                    changed, actor, trace, at);
        INSERT INTO audit_changes (table_name, row_id, action, old_data, new_data,
                                   changed_columns, user_id, trace_id, changed_at, hash)
          VALUES (TG_TABLE_NAME, row_key, TG_OP, old_row, new_row, changed, actor, trace, at, digest)
          RETURNING id INTO inserted_id;
        UPDATE audit_chain_head SET last_change_id = inserted_id, last_hash = digest;
        RETURN NULL;
      END
      $$`);

    for (const [table, hiddenColumns] of Object.entries(AUDITED_TABLES)) {
      const args = hiddenColumns.map((column) => `'${column}'`).join(', ');
      await queryRunner.query(`
        CREATE CONSTRAINT TRIGGER "trg_${table}_audit_changes"
        AFTER INSERT OR UPDATE OR DELETE ON "${table}"
        DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW EXECUTE FUNCTION audit_record_change(${args})`);
    }

    await queryRunner.query(`
      CREATE TABLE "audit_events" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "occurred_at" timestamptz NOT NULL DEFAULT now(),
        "actor_id" uuid,
        "actor_email" varchar(254),
        "source" varchar(32) NOT NULL,
        "action" varchar(100) NOT NULL,
        "category" varchar(32) NOT NULL,
        "resource_type" varchar(64),
        "resource_id" varchar(128),
        "result" varchar(16) NOT NULL,
        "severity" varchar(16) NOT NULL,
        "message" text NOT NULL,
        "ip" varchar(64),
        "user_agent" varchar(512),
        "trace_id" varchar(64),
        "duration_ms" integer,
        "metadata" jsonb NOT NULL DEFAULT '{}',
        CONSTRAINT "pk_audit_events" PRIMARY KEY ("id"),
        CONSTRAINT "chk_audit_events_source"
          CHECK ("source" IN ('api-service', 'background-job', 'frontend', 'system')),
        CONSTRAINT "chk_audit_events_category" CHECK ("category" IN
          ('authentication', 'user_management', 'roles', 'data', 'settings', 'admin', 'error')),
        CONSTRAINT "chk_audit_events_result" CHECK ("result" IN ('success', 'failure', 'warning')),
        CONSTRAINT "chk_audit_events_severity"
          CHECK ("severity" IN ('INFO', 'WARNING', 'ERROR', 'CRITICAL'))
      )`);
    const eventIndexes: Record<string, string> = {
      idx_audit_events_occurred_at: `("occurred_at" DESC, "id" DESC)`,
      idx_audit_events_actor: `("actor_id", "occurred_at" DESC)`,
      idx_audit_events_action: `("action", "occurred_at" DESC)`,
      idx_audit_events_resource: `("resource_type", "resource_id", "occurred_at" DESC)`,
      idx_audit_events_result: `("result", "occurred_at" DESC)`,
      idx_audit_events_severity: `("severity", "occurred_at" DESC)`,
      idx_audit_events_source: `("source", "occurred_at" DESC)`,
      idx_audit_events_trace: `("trace_id")`,
      idx_audit_events_errors: `("occurred_at" DESC, "id" DESC)
        WHERE "result" = 'failure' OR "severity" IN ('WARNING', 'ERROR', 'CRITICAL')`,
      idx_audit_events_search: `USING gin ("message" gin_trgm_ops, "ip" gin_trgm_ops)`,
    };
    for (const [name, definition] of Object.entries(eventIndexes)) {
      await queryRunner.query(`CREATE INDEX "${name}" ON "audit_events" ${definition}`);
    }

    for (const table of ['audit_changes', 'audit_events']) {
      await queryRunner.query(`REVOKE ALL ON "${table}" FROM PUBLIC, ledgerlens_app`);
      await queryRunner.query(`
        CREATE TRIGGER "trg_${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}"
        FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()`);
      // Statement level too: refuses TRUNCATE, and statements that match no row yet.
      await queryRunner.query(`
        CREATE TRIGGER "trg_${table}_append_only_statement"
        BEFORE UPDATE OR DELETE OR TRUNCATE ON "${table}"
        FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()`);
    }
    await queryRunner.query(`REVOKE ALL ON "audit_chain_head" FROM PUBLIC, ledgerlens_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of Object.keys(AUDITED_TABLES)) {
      await queryRunner.query(`DROP TRIGGER "trg_${table}_audit_changes" ON "${table}"`);
    }
    await queryRunner.query(`DROP TABLE "audit_events"`);
    await queryRunner.query(`DROP TABLE "audit_chain_head"`);
    await queryRunner.query(`DROP TABLE "audit_changes"`);
    await queryRunner.query(`DROP FUNCTION audit_record_change()`);
    await queryRunner.query(
      `DROP FUNCTION audit_change_hash(text, text, text, text, jsonb, jsonb, text[], uuid, text, timestamptz)`,
    );
    await queryRunner.query(`DROP FUNCTION audit_refuse_change()`);
    // pg_trgm stays: other objects of the database may use it.
  }
}
