import { DataSource, EntityManager, QueryResult } from 'typeorm';

/** Where a statement runs: the pool, or a transaction's manager. */
export type Queryable = DataSource | EntityManager;

/** Runs one statement on `db`'s transaction when it has one, else on a pooled connection. */
async function resultOf(
  db: Queryable,
  sql: string,
  params: readonly unknown[],
): Promise<QueryResult> {
  const manager = db instanceof DataSource ? db.manager : db;
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    return await runner.query(sql, [...params], true);
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}

/**
 * The rows of a statement, typed by the caller — build `Row` from the generated table types
 * (`DbTables`) so that a renamed column stops compiling. The same for SELECT, INSERT, UPDATE
 * and DELETE (… RETURNING).
 */
export async function rowsOf<Row>(
  db: Queryable,
  sql: string,
  params: readonly unknown[] = [],
): Promise<Row[]> {
  return (await resultOf(db, sql, params)).records as Row[];
}

/** The first row of a statement, or undefined when it returns none. */
export async function oneRowOf<Row>(
  db: Queryable,
  sql: string,
  params: readonly unknown[] = [],
): Promise<Row | undefined> {
  return (await rowsOf<Row>(db, sql, params))[0];
}

/** Runs a statement that returns no rows; answers how many rows it changed. */
export async function execute(
  db: Queryable,
  sql: string,
  params: readonly unknown[] = [],
): Promise<number> {
  return (await resultOf(db, sql, params)).affected ?? 0;
}

/**
 * `Row` with some columns narrowed to what the schema promises beyond their type — a CHECK's
 * values, a jsonb column's shape. Only columns `Row` has, only to narrower types: a renamed
 * column or a changed type stops compiling here too.
 */
export type Narrowed<
  Row,
  Columns extends { [Column in keyof Columns]: Column extends keyof Row ? Row[Column] : never },
> = Omit<Row, keyof Columns> & Columns;

/**
 * Columns of `Row` read through a cast to one type (`count::float8`): they must exist in
 * `Row`, so a renamed column stops compiling here too.
 */
export type CastColumns<Row, Column extends keyof Row, Type> = { [Key in Column]: Type };
