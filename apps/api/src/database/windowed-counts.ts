import { LOG_SEVERITY_NUMBERS, type LogLevel } from '@ledgerlens/contracts';
import { Queryable, rowsOf } from './typed-rows';

/*
 * Counts over time windows for many filters at once. A module that counts rows of another
 * module's table (the alert evaluator) asks the table's owner, which answers each request with
 * one statement: the filters travel as a jsonb recordset (`$1`), joined to the table, and every
 * window ends at the request's `until` (`$2`). The owner writes the join and the grouping, with
 * the helpers below; the caller knows nothing of the table.
 */

/** The dimensions a count can be split by; each table's owner honours those its rows have. */
export type CountDimension = 'route' | 'source' | 'module';

/** One window and what it counts: the rows from `from` to the request's `until` matching every filter set. */
export interface CountFilter {
  /** A UUID naming the filter in the answer. */
  id: string;
  /** The window's start, inclusive (its end is the request's `until`). */
  from: Date;
  /** A route template as recorded, e.g. `/api/v1/transactions/:id`. */
  route?: string;
  /** An HTTP method. */
  method?: string;
  source?: string;
  /** The lowest level counted. */
  level?: LogLevel;
  module?: string;
  /** Text the message contains, case-insensitive, taken literally. */
  text?: string;
  /** One count per value of this dimension, or (null) one count for the whole filter. */
  groupBy: CountDimension | null;
}

export interface WindowedCountsRequest {
  filters: readonly CountFilter[];
  /** Where every window ends, inclusive. */
  until: Date;
  /** Who reads, as the comment leading the statement: logs and pg_stat_statements tell its statements apart. */
  reader: string;
}

/** The key of a filter's count without group-by. */
export const WHOLE_FILTER = '';

/** A count of one filter: the whole filter's, or that of one value of its group-by dimension. */
export interface WindowedCount {
  filterId: string;
  /** `WHOLE_FILTER`, or the dimension's value (`(none)` for rows without one). */
  key: string;
  /** The dimension's value; null for the whole filter. */
  label: string | null;
  value: number;
}

/** `sql` led by a comment naming its reader, e.g. `/* alerting *\/ SELECT …`. */
export function readBy(reader: string, sql: string): string {
  if (!/^[\w .-]+$/.test(reader)) throw new Error(`A reader's name is a word or two: ${reader}`);
  return `/* ${reader} */ ${sql}`;
}

/** The request's filters as the recordset `f`, from the parameter `$1`. */
export const FILTERS = `jsonb_to_recordset($1::jsonb) AS f(id uuid, "from" timestamptz, route text,
  method text, source text, level text, min_severity int, module text, text text, group_by text)`;

/** The earliest window start of the request's filters: to read a table once for all of them. */
export const EARLIEST_FROM = `(SELECT min(w."from") FROM jsonb_to_recordset($1::jsonb) AS w("from" timestamptz))`;

/** `%`, `_` and `\` taken literally in ILIKE. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * A filter as a row of `FILTERS`: its level also as the lowest severity number (logs store that),
 * its text escaped for ILIKE.
 */
const recordOf = (filter: CountFilter) => ({
  id: filter.id,
  from: filter.from,
  route: filter.route ?? null,
  method: filter.method ?? null,
  source: filter.source ?? null,
  level: filter.level ?? null,
  min_severity: filter.level ? LOG_SEVERITY_NUMBERS[filter.level] : null,
  module: filter.module ?? null,
  text: filter.text === undefined ? null : likeLiteral(filter.text),
  group_by: filter.groupBy,
});

/**
 * The `key` of a count: the value of the filter's group-by dimension (`(none)` when the row has
 * none), or `WHOLE_FILTER`. `expressions` give each dimension the table honours.
 */
export function grouped(expressions: Partial<Record<CountDimension, string>>): string {
  const cases = Object.entries(expressions).map(
    ([dimension, expression]) => `WHEN '${dimension}' THEN coalesce(${expression}, '(none)')`,
  );
  return `CASE f.group_by ${cases.join(' ')} ELSE '${WHOLE_FILTER}' END`;
}

/**
 * A statement of `WindowedCount` rows: `rows` (a table or subquery, with its alias) joined to
 * `FILTERS` on `match`, `value` (`count(*)` or a sum) per filter and `key` (see `grouped`).
 */
export const countQuery = ({
  rows,
  key,
  match,
  value = 'count(*)',
}: {
  rows: string;
  key: string;
  match: string;
  value?: string;
}): string => `
  SELECT f.id AS "filterId", ${key} AS key, nullif(${key}, '${WHOLE_FILTER}') AS label, ${value}::float8 AS value
  FROM ${FILTERS} JOIN ${rows} ON ${match}
  GROUP BY f.id, 2`;

/** Runs a `countQuery` statement for the request. */
export function windowedCounts(
  db: Queryable,
  sql: string,
  request: WindowedCountsRequest,
): Promise<WindowedCount[]> {
  return rowsOf<WindowedCount>(db, readBy(request.reader, sql), [
    JSON.stringify(request.filters.map(recordOf)),
    request.until,
  ]);
}
