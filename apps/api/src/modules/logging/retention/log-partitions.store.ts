/**
 * The day partitions of `app_logs` (`app_logs_pYYYYMMDD`) and the database's own day: SQL on the
 * catalog and on the partition functions of the migrations.
 */
import { execute, oneRowOf, Queryable, rowsOf } from '../../../database/typed-rows';
import { ArchiveDay } from './archive-run';

/** A day partition of `app_logs`, from the catalog (`pg_class`). */
interface DayPartitionRow {
  /** `YYYY-MM-DD`, read from the partition's name. */
  day: string;
  relname: string;
}

/** Today in UTC by the database's clock, `YYYY-MM-DD`: every instance agrees on it. */
export async function utcToday(db: Queryable): Promise<string> {
  const [{ today }] = await rowsOf<{ today: string }>(
    db,
    `SELECT to_char((now() AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS today`,
  );
  return today;
}

/** The day partitions of days before `today` minus `days`, oldest first. */
export async function dayPartitionsBefore(
  db: Queryable,
  today: string,
  days: number,
): Promise<ArchiveDay[]> {
  const rows = await rowsOf<DayPartitionRow>(
    db,
    `SELECT to_char(partition_day, 'YYYY-MM-DD') AS day, relname
     FROM (
       SELECT c.relname, to_date(substr(c.relname, length('app_logs_p') + 1), 'YYYYMMDD')
         AS partition_day
       FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent = 'app_logs'::regclass AND c.relname ~ '^app_logs_p[0-9]{8}$'
     ) AS partitions
     WHERE partition_day < ($1::date - $2::int)
     ORDER BY day`,
    [today, days],
  );
  return rows.map((row) => ({ day: row.day, table: row.relname }));
}

/** Makes the missing day partitions from yesterday to `aheadDays` ahead (UTC); how many it made. */
export async function ensureDayPartitions(db: Queryable, aheadDays: number): Promise<number> {
  const [{ created }] = await rowsOf<{ created: number }>(
    db,
    `SELECT count(*) FILTER (WHERE app_logs_ensure_partition(day::date))::int AS created
     FROM generate_series((now() AT TIME ZONE 'UTC')::date - 1,
       (now() AT TIME ZONE 'UTC')::date + $1::int, interval '1 day') AS day`,
    [aheadDays],
  );
  return created;
}

export async function partitionExists(db: Queryable, table: string): Promise<boolean> {
  const row = await oneRowOf<{ exists: boolean }>(
    db,
    `SELECT to_regclass($1) IS NOT NULL AS exists`,
    [table],
  );
  return row?.exists === true;
}

/** Holds off writes to the partition until the transaction (`db`) ends. */
export async function lockPartition(db: Queryable, table: string): Promise<void> {
  await execute(db, `LOCK TABLE "${table}" IN EXCLUSIVE MODE`);
}

export async function dropPartition(db: Queryable, table: string): Promise<void> {
  await execute(db, `DROP TABLE "${table}"`);
}

/**
 * Counts the hourly rollups of `day` again from its stored lines: neither dropping nor deleting
 * from a partition updates them.
 */
export async function recountDay(db: Queryable, day: string): Promise<void> {
  await execute(db, `SELECT app_logs_recount_day($1::date)`, [day]);
}
