import { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit tables partitioned by month, with the column each is partitioned on. */
const AUDIT_TIME_COLUMNS: Record<string, string> = {
  audit_changes: 'changed_at',
  audit_events: 'occurred_at',
};

/** Months made ahead of the current one by the migration; the retention job keeps ahead after. */
export const AUDIT_MONTHS_AHEAD = 2;

/** The capture trigger reads the clock before locking the head (as first written) … */
const CLOCK_BEFORE_LOCK = {
  declare: 'at timestamptz := clock_timestamp();',
  lock: 'SELECT last_hash INTO prev FROM audit_chain_head FOR UPDATE;',
};
/** … and, once rows are partitioned by that time, after it: `id` order is then time order too. */
const CLOCK_AFTER_LOCK = {
  declare: 'at timestamptz;',
  lock: `${CLOCK_BEFORE_LOCK.lock}\n        at := clock_timestamp();`,
};

/**
 * `audit_changes` and `audit_events` become tables partitioned by UTC month (RANGE on
 * `changed_at` / `occurred_at`), every row, index, check, trigger and grant kept; a DEFAULT
 * partition catches rows of months without a partition yet. See
 * docs/adr/0026-audit-partitions-retention-anchors.md.
 *
 * - PostgreSQL requires a partitioned table's primary key to include the partition column: the
 *   keys become `(id, changed_at)` and `(id, occurred_at)`. PostgreSQL before 17 has no identity
 *   column on a partitioned table: `audit_changes.id` takes its values from the sequence
 *   `audit_changes_id_seq`, continuing where the identity stood.
 * - `audit_ensure_month_partition(table, month)` makes a month's partition (rows of that month
 *   that reached the DEFAULT partition are moved by rebuilding it: nothing is UPDATEd or
 *   DELETEd, the append-only triggers stay unconditional).
 * - `audit_drop_archived_month(month, boundary_hash)` records an archived month in
 *   `audit_archives` and drops its partitions; only the owner may EXECUTE it.
 * - The capture trigger now reads the clock after locking the chain head, so a later `id` never
 *   has an earlier `changed_at` and a month's rows are a contiguous stretch of the chain.
 */
export class AuditPartitions1732850000000 implements MigrationInterface {
  name = 'AuditPartitions1732850000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await setCaptureClock(queryRunner, CLOCK_BEFORE_LOCK, CLOCK_AFTER_LOCK);
    await queryRunner.query(PROTECT_PARTITION);
    await queryRunner.query(ENSURE_MONTH_PARTITION);
    for (const [table, timeColumn] of Object.entries(AUDIT_TIME_COLUMNS)) {
      await partition(queryRunner, table, timeColumn);
    }
    await queryRunner.query(`
      CREATE TABLE "audit_archives" (
        "month" date NOT NULL,
        "changes_rows" bigint NOT NULL,
        "events_rows" bigint NOT NULL,
        "first_change_id" bigint,
        "last_change_id" bigint,
        "boundary_change_id" bigint,
        "boundary_hash" char(64) NOT NULL,
        "manifest" jsonb NOT NULL,
        "archived_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_audit_archives" PRIMARY KEY ("month")
      )`);
    await queryRunner.query(`REVOKE ALL ON "audit_archives" FROM PUBLIC, ledgerlens_app`);
    await queryRunner.query(DROP_ARCHIVED_MONTH);
    for (const fn of OWNER_ONLY_FUNCTIONS) {
      await queryRunner.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC, ledgerlens_app`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION audit_drop_archived_month(date, text, jsonb)`);
    await queryRunner.query(`DROP TABLE "audit_archives"`);
    for (const table of Object.keys(AUDIT_TIME_COLUMNS)) {
      await unpartition(queryRunner, table);
    }
    await queryRunner.query(`DROP FUNCTION audit_ensure_month_partition(text, date)`);
    await queryRunner.query(`DROP FUNCTION audit_protect_partition(text)`);
    await setCaptureClock(queryRunner, CLOCK_AFTER_LOCK, CLOCK_BEFORE_LOCK);
  }
}

const OWNER_ONLY_FUNCTIONS = [
  'audit_protect_partition(text)',
  'audit_ensure_month_partition(text, date)',
  'audit_drop_archived_month(date, text, jsonb)',
];

/** Statement-level triggers are not inherited by partitions: each partition gets its own. */
const PROTECT_PARTITION = `
CREATE FUNCTION audit_protect_partition(partition_name text) RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
  EXECUTE format('REVOKE ALL ON %I FROM PUBLIC, ledgerlens_app', partition_name);
  EXECUTE format(
    'CREATE TRIGGER %I BEFORE UPDATE OR DELETE OR TRUNCATE ON %I
     FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()',
    'trg_' || partition_name || '_append_only_statement', partition_name);
END
$$`;

const ENSURE_MONTH_PARTITION = `
CREATE FUNCTION audit_ensure_month_partition(parent text, month date) RETURNS boolean
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
  first_day date := date_trunc('month', month)::date;
  partition_name text := format('%s_p%s', parent, to_char(first_day, 'YYYYMM'));
  default_name text := parent || '_default';
  time_column text := CASE parent WHEN 'audit_changes' THEN 'changed_at'
                                  WHEN 'audit_events' THEN 'occurred_at' END;
  lower_bound timestamptz := first_day::timestamp AT TIME ZONE 'UTC';
  upper_bound timestamptz := (first_day + interval '1 month')::timestamp AT TIME ZONE 'UTC';
  stranded boolean;
BEGIN
  IF time_column IS NULL THEN
    RAISE EXCEPTION '% is not a partitioned audit table', parent;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('audit_ensure_month_partition'));
  IF to_regclass(format('%I', partition_name)) IS NOT NULL THEN
    RETURN false;
  END IF;
  EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE %I >= $1 AND %I < $2)',
    default_name, time_column, time_column) INTO stranded USING lower_bound, upper_bound;
  IF stranded THEN
    -- Rows of the month are in the DEFAULT partition: rebuild it around the new partition.
    EXECUTE format('ALTER TABLE %I DETACH PARTITION %I', parent, default_name);
    EXECUTE format('ALTER TABLE %I RENAME TO %I', default_name, default_name || '_moving');
    EXECUTE format('CREATE TABLE %I PARTITION OF %I DEFAULT', default_name, parent);
    PERFORM audit_protect_partition(default_name);
  END IF;
  EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
    partition_name, parent, lower_bound, upper_bound);
  PERFORM audit_protect_partition(partition_name);
  IF stranded THEN
    EXECUTE format('INSERT INTO %I SELECT * FROM %I', parent, default_name || '_moving');
    EXECUTE format('DROP TABLE %I', default_name || '_moving');
  END IF;
  RETURN true;
END
$$`;

/**
 * Drops one archived month's partitions of both tables and records the archive. Refuses a month
 * that is not over, months out of order (an older month still stored), rows of the month left
 * in the DEFAULT partition, and a boundary hash that is not the month's last chain hash.
 */
const DROP_ARCHIVED_MONTH = `
CREATE FUNCTION audit_drop_archived_month(
  archived_month date, expected_boundary_hash text, archive_manifest jsonb)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  first_day date := date_trunc('month', archived_month)::date;
  suffix text := to_char(first_day, 'YYYYMM');
  lower_bound timestamptz := first_day::timestamp AT TIME ZONE 'UTC';
  upper_bound timestamptz := (first_day + interval '1 month')::timestamp AT TIME ZONE 'UTC';
  changes_partition text := 'audit_changes_p' || suffix;
  events_partition text := 'audit_events_p' || suffix;
  stats record;
  events_count bigint := 0;
  boundary_id bigint;
  boundary text;
  later_first_id bigint;
BEGIN
  IF first_day >= date_trunc('month', now() AT TIME ZONE 'UTC')::date THEN
    RAISE EXCEPTION 'The month % is not over: it cannot be archived', first_day;
  END IF;
  IF EXISTS (SELECT 1 FROM audit_changes WHERE changed_at < lower_bound)
     OR EXISTS (SELECT 1 FROM audit_events WHERE occurred_at < lower_bound) THEN
    RAISE EXCEPTION 'Rows older than % are still stored: archive months oldest first', first_day;
  END IF;
  IF EXISTS (SELECT 1 FROM audit_changes_default WHERE changed_at < upper_bound)
     OR EXISTS (SELECT 1 FROM audit_events_default WHERE occurred_at < upper_bound) THEN
    RAISE EXCEPTION 'Rows of % are in a DEFAULT partition: make its partition first', first_day;
  END IF;
  LOCK TABLE audit_changes, audit_events IN SHARE ROW EXCLUSIVE MODE;

  SELECT count(*) AS n, min(id) AS first_id, max(id) AS last_id INTO stats
    FROM audit_changes WHERE changed_at >= lower_bound AND changed_at < upper_bound;
  SELECT count(*) INTO events_count
    FROM audit_events WHERE occurred_at >= lower_bound AND occurred_at < upper_bound;
  SELECT min(id) INTO later_first_id FROM audit_changes WHERE changed_at >= upper_bound;
  IF later_first_id IS NOT NULL AND later_first_id < stats.last_id THEN
    RAISE EXCEPTION 'The chain of % is not contiguous: row % of a later month comes before row %',
      first_day, later_first_id, stats.last_id;
  END IF;

  -- The chain hash at the end of the month: its last row's, else the previous boundary.
  IF stats.n > 0 THEN
    SELECT c.id, c.hash INTO boundary_id, boundary FROM audit_changes c WHERE c.id = stats.last_id;
  ELSE
    SELECT a.boundary_change_id, a.boundary_hash INTO boundary_id, boundary
      FROM audit_archives a ORDER BY a.month DESC LIMIT 1;
    boundary := coalesce(boundary, repeat('0', 64));
  END IF;
  IF boundary IS DISTINCT FROM expected_boundary_hash THEN
    RAISE EXCEPTION 'The boundary hash of % is %, the archive says %',
      first_day, boundary, expected_boundary_hash;
  END IF;

  INSERT INTO audit_archives (month, changes_rows, events_rows, first_change_id, last_change_id,
                              boundary_change_id, boundary_hash, manifest)
    VALUES (first_day, stats.n, events_count, stats.first_id, stats.last_id, boundary_id,
            boundary, archive_manifest);
  IF to_regclass(format('%I', changes_partition)) IS NOT NULL THEN
    EXECUTE format('DROP TABLE %I', changes_partition);
  END IF;
  IF to_regclass(format('%I', events_partition)) IS NOT NULL THEN
    EXECUTE format('DROP TABLE %I', events_partition);
  END IF;
END
$$`;

/** `CREATE INDEX` statements of `table`'s indexes, its primary key's excepted. */
async function indexDefinitions(queryRunner: QueryRunner, table: string): Promise<string[]> {
  const rows = (await queryRunner.query(
    `SELECT indexdef FROM pg_indexes
     WHERE schemaname = 'public' AND tablename = $1 AND indexname <> $2 ORDER BY indexname`,
    [table, `pk_${table}`],
  )) as { indexdef: string }[];
  return rows.map((row) => row.indexdef);
}

/**
 * Moves indexes to the table that now has their table's name: drops each (on the renamed old
 * table) and runs its definition again, which names the table as it was before the rename.
 */
async function recreateIndexes(queryRunner: QueryRunner, definitions: string[]): Promise<void> {
  for (const definition of definitions) {
    const name = /^CREATE (?:UNIQUE )?INDEX (\S+) ON/.exec(definition)?.[1];
    await queryRunner.query(`DROP INDEX "${name}"`);
    await queryRunner.query(definition);
  }
}

/** As the audit-trail migration protects each table: no grant, UPDATE/DELETE/TRUNCATE refused. */
async function protectAppendOnly(queryRunner: QueryRunner, table: string): Promise<void> {
  await queryRunner.query(`REVOKE ALL ON "${table}" FROM PUBLIC, ledgerlens_app`);
  await queryRunner.query(`
    CREATE TRIGGER "trg_${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}"
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()`);
  await queryRunner.query(`
    CREATE TRIGGER "trg_${table}_append_only_statement"
    BEFORE UPDATE OR DELETE OR TRUNCATE ON "${table}"
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()`);
}

/** The next value `audit_changes.id` would take, as `setval` arguments. */
async function sequenceState(
  queryRunner: QueryRunner,
  sequence: string,
): Promise<{ last_value: string; is_called: boolean }> {
  const [state] = (await queryRunner.query(`SELECT last_value, is_called FROM ${sequence}`)) as {
    last_value: string;
    is_called: boolean;
  }[];
  if (!state) throw new Error(`Sequence ${sequence} answered no state`);
  return state;
}

async function partition(queryRunner: QueryRunner, table: string, timeColumn: string) {
  const plain = `${table}_plain`;
  const indexes = await indexDefinitions(queryRunner, table);
  await queryRunner.query(`ALTER TABLE "${table}" RENAME TO "${plain}"`);
  await queryRunner.query(`ALTER TABLE "${plain}" DROP CONSTRAINT "pk_${table}"`);
  const sequenced = table === 'audit_changes';
  const state = sequenced ? await sequenceState(queryRunner, `"${table}_id_seq"`) : undefined;
  if (sequenced) await queryRunner.query(`ALTER TABLE "${plain}" ALTER "id" DROP IDENTITY`);

  await queryRunner.query(`
    CREATE TABLE "${table}" (
      LIKE "${plain}" INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
      CONSTRAINT "pk_${table}" PRIMARY KEY ("id", "${timeColumn}")
    ) PARTITION BY RANGE ("${timeColumn}")`);
  if (state) {
    await queryRunner.query(`CREATE SEQUENCE "${table}_id_seq" AS bigint OWNED BY "${table}"."id"`);
    await queryRunner.query(`SELECT setval('"${table}_id_seq"', $1, $2)`, [
      state.last_value,
      state.is_called,
    ]);
    await queryRunner.query(
      `ALTER TABLE "${table}" ALTER "id" SET DEFAULT nextval('"${table}_id_seq"')`,
    );
  }
  await queryRunner.query(`CREATE TABLE "${table}_default" PARTITION OF "${table}" DEFAULT`);
  await queryRunner.query(`SELECT audit_protect_partition($1)`, [`${table}_default`]);
  // A partition for every month with rows, and from the previous month on to a few ahead.
  await queryRunner.query(
    `SELECT audit_ensure_month_partition($1, month::date)
     FROM generate_series(
       date_trunc('month', least(
         (SELECT min("${timeColumn}") FROM "${plain}"),
         now() - interval '1 month') AT TIME ZONE 'UTC'),
       date_trunc('month', now() AT TIME ZONE 'UTC') + $2 * interval '1 month',
       interval '1 month') AS month`,
    [table, AUDIT_MONTHS_AHEAD],
  );
  await queryRunner.query(`INSERT INTO "${table}" SELECT * FROM "${plain}" ORDER BY "id"`);
  await recreateIndexes(queryRunner, indexes);
  await protectAppendOnly(queryRunner, table);
  await queryRunner.query(`DROP TABLE "${plain}"`);
}

async function unpartition(queryRunner: QueryRunner, table: string) {
  const partitioned = `${table}_partitioned`;
  const indexes = await indexDefinitions(queryRunner, table);
  await queryRunner.query(`ALTER TABLE "${table}" RENAME TO "${partitioned}"`);
  await queryRunner.query(`ALTER TABLE "${partitioned}" DROP CONSTRAINT "pk_${table}"`);
  const sequenced = table === 'audit_changes';
  const state = sequenced ? await sequenceState(queryRunner, `"${table}_id_seq"`) : undefined;
  if (sequenced) {
    await queryRunner.query(`ALTER TABLE "${partitioned}" ALTER "id" DROP DEFAULT`);
    await queryRunner.query(`DROP SEQUENCE "${table}_id_seq"`);
  }
  await queryRunner.query(`
    CREATE TABLE "${table}" (
      LIKE "${partitioned}" INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
      CONSTRAINT "pk_${table}" PRIMARY KEY ("id")
    )`);
  if (state) {
    await queryRunner.query(`ALTER TABLE "${table}" ALTER "id" ADD GENERATED ALWAYS AS IDENTITY`);
    await queryRunner.query(
      `INSERT INTO "${table}" OVERRIDING SYSTEM VALUE SELECT * FROM "${partitioned}" ORDER BY "id"`,
    );
    await queryRunner.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), $2, $3)`, [
      table,
      state.last_value,
      state.is_called,
    ]);
  } else {
    await queryRunner.query(`INSERT INTO "${table}" SELECT * FROM "${partitioned}"`);
  }
  await recreateIndexes(queryRunner, indexes);
  await protectAppendOnly(queryRunner, table);
  await queryRunner.query(`DROP TABLE "${partitioned}"`);
}

/** Rewrites where the capture trigger reads the clock; its hash and everything else stay. */
async function setCaptureClock(
  queryRunner: QueryRunner,
  from: typeof CLOCK_BEFORE_LOCK,
  to: typeof CLOCK_BEFORE_LOCK,
): Promise<void> {
  const [row] = (await queryRunner.query(
    `SELECT pg_get_functiondef('audit_record_change()'::regprocedure) AS definition`,
  )) as { definition: string }[];
  const definition = row?.definition ?? '';
  if (!definition.includes(from.declare) || !definition.includes(from.lock)) {
    throw new Error('audit_record_change() is not the function this migration expects');
  }
  await queryRunner.query(definition.replace(from.declare, to.declare).replace(from.lock, to.lock));
}
