/**
 * The expired rows of one day partition of `app_logs` in SQL: counted, read for the archive,
 * deleted.
 */
import type { AppLogsTable } from '../../../database/generated/db-tables';
import { CastColumns, execute, Queryable, rowsOf } from '../../../database/typed-rows';
import { isoTimestampSql } from '../../../common/sql/iso-timestamp';
import { SqlConditions } from '../../../common/sql/sql-conditions';
import { ArchiveDay } from './archive-run';
import { RetentionPolicy, expiredSql } from './retention-policy';

const ISO_LOGGED_AT = isoTimestampSql('logged_at');

/** Which rows have expired: by `policy`, on `today` (UTC, `YYYY-MM-DD`). */
export interface Expiry {
  policy: RetentionPolicy;
  today: string;
}

/** The rows of a day partition, and the expired ones among them with their time span. */
export interface DayCounts {
  expired: number;
  total: number;
  /** ISO 8601 UTC with microseconds; null when none expired. */
  minLoggedAt: string | null;
  maxLoggedAt: string | null;
}

/** Where a chunk of expired rows ends: the next starts after it. */
export type ExpiredRowsCursor = Pick<AppLogsTable, 'id'> &
  CastColumns<AppLogsTable, 'logged_at', string>;

/** An expired row as one NDJSON line (no line break), and where it sits in the order. */
export type ExpiredLineRow = ExpiredRowsCursor & { line: string };

/** The rows of `day` in its table, as SQL (both bounds bound). */
function inDaySql(day: string, parameters: SqlConditions): string {
  const start = parameters.param(day);
  return (
    `logged_at >= ${start}::date::timestamp AT TIME ZONE 'UTC' ` +
    `AND logged_at < (${start}::date + 1)::timestamp AT TIME ZONE 'UTC'`
  );
}

/** The expired rows of one day, as SQL. */
function expiredOfDaySql(target: ArchiveDay, expiry: Expiry, parameters: SqlConditions): string {
  return `${inDaySql(target.day, parameters)} AND ${expiredSql(expiry.policy, expiry.today, parameters)}`;
}

/** The day's expired rows, and all its rows, counted. */
export async function countDay(
  db: Queryable,
  target: ArchiveDay,
  expiry: Expiry,
): Promise<DayCounts> {
  const parameters = new SqlConditions();
  const expired = expiredSql(expiry.policy, expiry.today, parameters);
  const [counts] = await rowsOf<DayCounts>(
    db,
    `SELECT count(*) FILTER (WHERE ${expired})::int AS expired, count(*)::int AS total,
       min(${ISO_LOGGED_AT}) FILTER (WHERE ${expired}) AS "minLoggedAt",
       max(${ISO_LOGGED_AT}) FILTER (WHERE ${expired}) AS "maxLoggedAt"
     FROM "${target.table}" WHERE ${inDaySql(target.day, parameters)}`,
    parameters.params,
  );
  return counts;
}

/**
 * Up to `limit` expired rows of the day after `after` in (logged_at, id) order, as NDJSON lines:
 * every column, `id` as a string and `logged_at` in ISO 8601 UTC with microseconds.
 */
export function expiredLines(
  db: Queryable,
  target: ArchiveDay,
  expiry: Expiry,
  limit: number,
  after?: ExpiredRowsCursor,
): Promise<ExpiredLineRow[]> {
  const parameters = new SqlConditions();
  const expired = expiredOfDaySql(target, expiry, parameters);
  const next = after
    ? `AND (l.logged_at, l.id) > (${parameters.param(after.logged_at)}::timestamptz, ${parameters.param(after.id)}::bigint)`
    : '';
  // `l.logged_at`, not `logged_at`: in ORDER BY that would be the selected text.
  return rowsOf<ExpiredLineRow>(
    db,
    `SELECT (to_jsonb(l) || jsonb_build_object('id', l.id::text, 'logged_at', ${ISO_LOGGED_AT}))::text
         AS line,
       ${ISO_LOGGED_AT} AS logged_at, l.id
     FROM "${target.table}" AS l WHERE ${expired} ${next}
     ORDER BY l.logged_at, l.id LIMIT ${parameters.param(limit)}`,
    parameters.params,
  );
}

/** Deletes the day's expired rows; answers how many it deleted. */
export function deleteExpired(db: Queryable, target: ArchiveDay, expiry: Expiry): Promise<number> {
  const parameters = new SqlConditions();
  return execute(
    db,
    `DELETE FROM "${target.table}" WHERE ${expiredOfDaySql(target, expiry, parameters)}`,
    parameters.params,
  );
}

/** Whether the day's table still holds any of its expired rows. */
export async function expiredStillStored(
  db: Queryable,
  target: ArchiveDay,
  expiry: Expiry,
): Promise<boolean> {
  const parameters = new SqlConditions();
  const [{ stored }] = await rowsOf<{ stored: boolean }>(
    db,
    `SELECT EXISTS (SELECT 1 FROM "${target.table}"
       WHERE ${expiredOfDaySql(target, expiry, parameters)}) AS stored`,
    parameters.params,
  );
  return stored;
}
