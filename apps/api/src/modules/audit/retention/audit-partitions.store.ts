/**
 * The monthly partitions of `audit_changes` and `audit_events` in SQL: made ahead, listed, read
 * for an archive, and dropped through the owner-only `audit_drop_archived_month` (migration
 * 1732850000000-audit-partitions).
 */
import type {
  AuditArchivesTable,
  AuditChangesTable,
  AuditEventsTable,
} from '../../../database/generated/db-tables';
import { CastColumns, execute, Queryable, rowsOf } from '../../../database/typed-rows';

/** The partitioned audit tables, with the column their months are cut on. */
export const AUDIT_TABLES = { audit_changes: 'changed_at', audit_events: 'occurred_at' } as const;
export type AuditTable = keyof typeof AUDIT_TABLES;

/** A month as `YYYY-MM-01` (UTC). */
export type Month = string;

/** Makes the partitions of both tables from the current month to `ahead` months on. */
export async function ensureMonthsAhead(db: Queryable, ahead: number): Promise<void> {
  await execute(
    db,
    `SELECT audit_ensure_month_partition(t.name, month::date)
     FROM unnest($1::text[]) AS t(name),
       generate_series(date_trunc('month', now() AT TIME ZONE 'UTC'),
                       date_trunc('month', now() AT TIME ZONE 'UTC') + $2 * interval '1 month',
                       interval '1 month') AS month`,
    [Object.keys(AUDIT_TABLES), ahead],
  );
}

/**
 * Gives every month with rows in a DEFAULT partition a partition of its own. The months are
 * read first: making a partition rebuilds the DEFAULT partition a query could still be reading.
 */
export async function moveDefaultRows(db: Queryable): Promise<void> {
  for (const [table, column] of Object.entries(AUDIT_TABLES)) {
    const months = await rowsOf<{ month: Month }>(
      db,
      `SELECT DISTINCT to_char(date_trunc('month', ${column} AT TIME ZONE 'UTC'), 'YYYY-MM-DD')
         AS month
       FROM ${table}_default`,
    );
    for (const { month } of months) {
      await execute(db, `SELECT audit_ensure_month_partition($1, $2::date)`, [table, month]);
    }
  }
}

/** Months with a partition of either table before `before` (`YYYY-MM-01`), oldest first. */
export async function monthsBefore(db: Queryable, before: Month): Promise<Month[]> {
  const rows = await rowsOf<{ month: Month }>(
    db,
    `SELECT DISTINCT to_char(to_date(substring(c.relname from '_p([0-9]{6})$'), 'YYYYMM'),
                             'YYYY-MM-DD') AS month
     FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent IN ('audit_changes'::regclass, 'audit_events'::regclass)
       AND c.relname ~ '_p[0-9]{6}$'
       AND to_date(substring(c.relname from '_p([0-9]{6})$'), 'YYYYMM') < $1::date
     ORDER BY month`,
    [before],
  );
  return rows.map((row) => row.month);
}

/** The first day of the month `monthsBack` months before the current one (UTC). */
export async function monthStartBefore(db: Queryable, monthsBack: number): Promise<Month> {
  const [row] = await rowsOf<{ month: Month }>(
    db,
    `SELECT to_char(date_trunc('month', now() AT TIME ZONE 'UTC') - $1 * interval '1 month',
                    'YYYY-MM-DD') AS month`,
    [monthsBack],
  );
  return row.month;
}

/** SQL: rows of `month` (`$1`) of a table, by its time column. */
function inMonthSql(column: string): string {
  return `${column} >= $1::date::timestamp AT TIME ZONE 'UTC'
    AND ${column} < ($1::date + interval '1 month')::timestamp AT TIME ZONE 'UTC'`;
}

/** A month's rows of `audit_changes`: how many, the first and last in chain order. */
export type MonthChanges = CastColumns<AuditArchivesTable, 'changes_rows', string> &
  Pick<AuditArchivesTable, 'first_change_id' | 'last_change_id'> & {
    /** The hash of its last row: the chain hash at the month's end. */
    last_hash: string | null;
  };

export async function monthChanges(db: Queryable, month: Month): Promise<MonthChanges> {
  const [row] = await rowsOf<MonthChanges>(
    db,
    `SELECT count(*)::text AS changes_rows, min(id)::text AS first_change_id,
       max(id)::text AS last_change_id,
       (SELECT hash FROM audit_changes WHERE ${inMonthSql('changed_at')}
        ORDER BY id DESC LIMIT 1) AS last_hash
     FROM audit_changes WHERE ${inMonthSql('changed_at')}`,
    [month],
  );
  return row;
}

/** A month's rows of `audit_events`: how many, and the ids of its first and last (by time). */
export interface MonthEvents {
  rows: string;
  first_id: AuditEventsTable['id'] | null;
  last_id: AuditEventsTable['id'] | null;
}

export async function monthEvents(db: Queryable, month: Month): Promise<MonthEvents> {
  const [row] = await rowsOf<MonthEvents>(
    db,
    `SELECT count(*)::text AS rows,
       (SELECT id FROM audit_events WHERE ${inMonthSql('occurred_at')}
        ORDER BY occurred_at, id LIMIT 1) AS first_id,
       (SELECT id FROM audit_events WHERE ${inMonthSql('occurred_at')}
        ORDER BY occurred_at DESC, id DESC LIMIT 1) AS last_id
     FROM audit_events WHERE ${inMonthSql('occurred_at')}`,
    [month],
  );
  return row;
}

/** Where a chunk of a month's rows ends: the next chunk starts after it. */
export interface MonthCursor {
  at: string;
  id: string;
}

/** A row of an archive: one JSON line (every column, ids as text, times in UTC). */
export type ArchiveLineRow = MonthCursor & { line: string };

/** JSON of a row with its id as text and its times as ISO 8601 UTC with microseconds. */
const LINE_OF: Record<AuditTable, string> = {
  audit_changes: `(to_jsonb(t) || jsonb_build_object('id', t.id::text,
    'changed_at', to_char(t.changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')))::text`,
  audit_events: `(to_jsonb(t) || jsonb_build_object(
    'occurred_at', to_char(t.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')))::text`,
};

/** Up to `limit` rows of `month` of `table` in archive order after `after`, as lines. */
export function monthLines(
  db: Queryable,
  table: AuditTable,
  month: Month,
  limit: number,
  after?: MonthCursor,
): Promise<ArchiveLineRow[]> {
  const column = AUDIT_TABLES[table];
  // audit_changes in chain order (id); audit_events by time, then id.
  const order = table === 'audit_changes' ? 't.id' : `t.${column}, t.id`;
  const cursor =
    table === 'audit_changes'
      ? 't.id > $2::bigint'
      : `(t.${column}, t.id) > ($3::timestamptz, $2::uuid)`;
  const params: unknown[] = [month];
  if (after) params.push(after.id, ...(table === 'audit_changes' ? [] : [after.at]));
  return rowsOf<ArchiveLineRow>(
    db,
    `SELECT t.id::text AS id, t.${column}::text AS at, ${LINE_OF[table]} AS line
     FROM ${table} t
     WHERE ${inMonthSql(`t.${column}`)} ${after ? `AND ${cursor}` : ''}
     ORDER BY ${order} LIMIT ${Number(limit)}`,
    params,
  );
}

/** Blocks writes to both tables' rows of the month while it is archived. */
export async function lockMonth(db: Queryable, month: Month): Promise<void> {
  const suffix = month.slice(0, 7).replace('-', '');
  for (const table of Object.keys(AUDIT_TABLES)) {
    await execute(
      db,
      `DO $$ BEGIN
         IF to_regclass('${table}_p${suffix}') IS NOT NULL THEN
           LOCK TABLE ${table}_p${suffix} IN SHARE MODE;
         END IF;
       END $$`,
    );
  }
}

/**
 * Records the archived month and drops its partitions (the database checks the boundary hash,
 * the order of months and that the month is over).
 */
export async function dropArchivedMonth(
  db: Queryable,
  month: Month,
  boundaryHash: string,
  manifest: object,
): Promise<void> {
  await execute(db, `SELECT audit_drop_archived_month($1::date, $2, $3::jsonb)`, [
    month,
    boundaryHash,
    JSON.stringify(manifest),
  ]);
}

/** Where the stored chain starts: the newest archived month's boundary, if any. */
export type ArchivedBoundary = Pick<AuditArchivesTable, 'boundary_change_id' | 'boundary_hash'>;

export async function newestBoundary(db: Queryable): Promise<ArchivedBoundary | undefined> {
  const [row] = await rowsOf<ArchivedBoundary>(
    db,
    `SELECT boundary_change_id, boundary_hash FROM audit_archives ORDER BY month DESC LIMIT 1`,
  );
  return row;
}

/** The chain's rows stored or archived up to and including `id`. */
export async function chainRowsUpTo(db: Queryable, id: string): Promise<number> {
  const [row] = await rowsOf<{ n: string }>(
    db,
    `SELECT ((SELECT count(*) FROM audit_changes WHERE id <= $1::bigint)
       + (SELECT coalesce(sum(changes_rows), 0) FROM audit_archives
          WHERE last_change_id <= $1::bigint))::text AS n`,
    [id],
  );
  return Number(row.n);
}

/** The stored hash of one row of the chain. */
export async function changeHash(
  db: Queryable,
  id: string,
): Promise<AuditChangesTable['hash'] | undefined> {
  const [row] = await rowsOf<Pick<AuditChangesTable, 'hash'>>(
    db,
    `SELECT hash FROM audit_changes WHERE id = $1::bigint`,
    [id],
  );
  return row?.hash;
}
